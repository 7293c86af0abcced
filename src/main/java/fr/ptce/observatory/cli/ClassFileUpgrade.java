package fr.ptce.observatory.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step (pom.xml, package phase, before {@link StartupTraining}): rewrites the
 * classes of the named jars of {@code target/lib} that are older than Java 6 as Java 8
 * class files, with the stack map frames those need, computed by ASM. HotSpot's
 * class-data archive holds no class older than Java 6 (it could not check their
 * verification at start), so picocli's 173 classes, compiled for Java 5, were read from
 * their jar and verified by the old inferring verifier at every command's start
 * (docs/startup.md). The bytecode is otherwise unchanged; the jar's manifest says what
 * rewrote it. A jar already rewritten is left as it is (its file, date included, so the
 * next build's copy of the dependencies keeps it); a signed jar is refused, since its
 * signature would no longer match.
 *
 * {@code ClassFileUpgrade LIB_DIR JAR_NAME_PREFIX...}
 */
public final class ClassFileUpgrade {

	/** The manifest attribute that says a jar was rewritten, and by what. */
	static final Attributes.Name REWRITTEN = new Attributes.Name("Observatory-Class-Files");

	/** Class files before this version (Java 6) cannot be archived. */
	private static final int ARCHIVABLE = Opcodes.V1_6;

	private ClassFileUpgrade() {
	}

	public static void main(String[] args) throws IOException {
		Path lib = Path.of(args[0]);
		for (int i = 1; i < args.length; i++) {
			String prefix = args[i];
			try (var jars = Files.list(lib)) {
				for (Path jar : jars.filter(j -> j.getFileName().toString().startsWith(prefix)).sorted().toList()) {
					int rewritten = upgrade(jar);
					System.out.println(jar.getFileName() + ": " + rewritten + " class files rewritten as Java 8");
				}
			}
		}
	}

	/**
	 * Rewrites the jar's classes older than Java 6, through a temporary file moved over
	 * it; the number rewritten (0: the jar is left untouched).
	 */
	static int upgrade(Path jar) throws IOException {
		Path upgraded = jar.resolveSibling(jar.getFileName() + ".tmp");
		int rewritten = 0;
		try (JarFile in = new JarFile(jar.toFile())) {
			Manifest manifest = in.getManifest() != null ? new Manifest(in.getManifest()) : new Manifest();
			if (manifest.getMainAttributes().containsKey(REWRITTEN)) {
				return 0;
			}
			manifest.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
			manifest.getMainAttributes()
				.put(REWRITTEN, "classes older than Java 6 rewritten as Java 8 class files with stack map frames by "
						+ ClassFileUpgrade.class.getName() + ", for the class-data archive");
			try (OutputStream file = Files.newOutputStream(upgraded);
					JarOutputStream out = new JarOutputStream(file, manifest)) {
				for (JarEntry entry : in.stream().toList()) {
					if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
						continue;
					}
					refuseSigned(jar, entry);
					byte[] bytes;
					try (InputStream read = in.getInputStream(entry)) {
						bytes = read.readAllBytes();
					}
					byte[] written = entry.getName().endsWith(".class") ? upgrade(bytes) : bytes;
					rewritten += written == bytes ? 0 : 1;
					JarEntry copy = new JarEntry(entry.getName());
					copy.setTime(entry.getTime());
					out.putNextEntry(copy);
					out.write(written);
					out.closeEntry();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(upgraded);
			throw ex;
		}
		if (rewritten == 0) {
			Files.delete(upgraded);
			return 0;
		}
		Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return rewritten;
	}

	/**
	 * The class file as Java 8 with its frames computed when it is older than Java 6; the
	 * same array otherwise.
	 */
	static byte[] upgrade(byte[] classFile) {
		ClassReader reader = new ClassReader(classFile);
		if (reader.readShort(6) >= ARCHIVABLE) {
			return classFile;
		}
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
		reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
			@Override
			public void visit(int version, int access, String name, String signature, String superName,
					String[] interfaces) {
				super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
			}
		}, 0);
		return writer.toByteArray();
	}

	private static void refuseSigned(Path jar, JarEntry entry) {
		String name = entry.getName().toUpperCase(Locale.ROOT);
		if (name.startsWith("META-INF/")
				&& (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"))) {
			throw new IllegalStateException(jar + " is signed (" + entry.getName()
					+ "): its classes cannot be rewritten; leave it out of the class-file upgrade");
		}
	}

}
