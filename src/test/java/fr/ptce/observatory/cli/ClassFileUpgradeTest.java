package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The build's rewrite of picocli's Java 5 classes, on the real picocli jar: every class
 * becomes a Java 8 class file that the type-checking verifier accepts and the class-data
 * archive holds, the rest of the jar is unchanged, and a second run or a signed jar
 * leaves the file alone.
 */
class ClassFileUpgradeTest {

	@TempDir
	Path dir;

	@Test
	void picocliBecomesJava8ClassFilesThatVerify() throws Exception {
		// given a copy of the picocli jar, compiled for Java 5
		Path jar = copyOfPicocli();
		assertThat(versions(jar)).containsOnly(49);

		// when its classes are rewritten
		int rewritten = ClassFileUpgrade.upgrade(jar);

		// then every class is Java 8, the other entries are as they were, the manifest
		// says what rewrote it, and each class loads, links and verifies
		assertThat(rewritten).isEqualTo(entries(picocliJar(), ".class").size());
		assertThat(versions(jar)).containsOnly(52);
		assertThat(entries(jar, "")).containsExactlyInAnyOrderElementsOf(entries(picocliJar(), ""));
		try (JarFile upgraded = new JarFile(jar.toFile()); JarFile original = new JarFile(picocliJar().toFile())) {
			assertThat(upgraded.getManifest().getMainAttributes().getValue(ClassFileUpgrade.REWRITTEN))
				.contains(ClassFileUpgrade.class.getName());
			assertThat(upgraded.getManifest().getMainAttributes().getValue("Implementation-Version"))
				.isEqualTo(original.getManifest().getMainAttributes().getValue("Implementation-Version"));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				ClassLoader.getPlatformClassLoader())) {
			for (String name : entries(jar, ".class")) {
				if (!name.startsWith("META-INF/")) {
					Class<?> type = Class.forName(name.replace('/', '.').replace(".class", ""), true, loader);
					assertThat(type.getClassLoader()).isSameAs(loader);
				}
			}
		}
	}

	@Test
	void theClassDataArchiveHoldsTheRewrittenClasses() throws Exception {
		Path jar = copyOfPicocli();
		ClassFileUpgrade.upgrade(jar);
		Path archive = dir.resolve("picocli.jsa");

		run(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", jar.toString(), "picocli.AutoComplete", "--help"));
		String loaded = run(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load", "-cp", jar.toString(),
				"picocli.AutoComplete", "--help"));

		assertThat(loaded).contains("picocli.CommandLine source: shared objects file");
	}

	@Test
	void aJarAlreadyRewrittenIsLeftAsItIs() throws Exception {
		Path jar = copyOfPicocli();
		ClassFileUpgrade.upgrade(jar);
		FileTime modified = FileTime.fromMillis(1_700_000_000_000L);
		Files.setLastModifiedTime(jar, modified);
		byte[] before = Files.readAllBytes(jar);

		assertThat(ClassFileUpgrade.upgrade(jar)).isZero();

		assertThat(Files.readAllBytes(jar)).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(jar)).isEqualTo(modified);
		assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("picocli.jar");
	}

	@Test
	void aSignedJarIsRefusedAndLeftAsItIs() throws Exception {
		// given a jar with an old class and a signature file
		Path jar = dir.resolve("signed.jar");
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, new Manifest());
				InputStream oldClass = CommandLine.class.getResourceAsStream("CommandLine$Range.class")) {
			out.putNextEntry(new JarEntry("META-INF/SIGNER.SF"));
			out.write("Signature-Version: 1.0\n".getBytes());
			out.putNextEntry(new JarEntry("picocli/CommandLine$Range.class"));
			out.write(oldClass.readAllBytes());
		}
		byte[] before = Files.readAllBytes(jar);

		assertThatThrownBy(() -> ClassFileUpgrade.upgrade(jar)).hasMessageContaining("signed.jar is signed")
			.hasMessageContaining("META-INF/SIGNER.SF");

		assertThat(Files.readAllBytes(jar)).isEqualTo(before);
		assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("signed.jar");
	}

	private Path copyOfPicocli() throws IOException, URISyntaxException {
		return Files.copy(picocliJar(), dir.resolve("picocli.jar"));
	}

	/** The picocli jar of the test class path, as Maven Central serves it. */
	private static Path picocliJar() throws URISyntaxException {
		return Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static List<String> entries(Path jar, String suffix) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream()
				.map(JarEntry::getName)
				.filter(n -> n.endsWith(suffix) && !n.equals(JarFile.MANIFEST_NAME) && !n.endsWith("module-info.class"))
				.toList();
		}
	}

	/**
	 * The class-file major versions of the jar's classes (the module descriptor aside).
	 */
	private static List<Integer> versions(Path jar) throws IOException {
		List<Integer> versions = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (String name : entries(jar, ".class")) {
				try (InputStream in = file.getInputStream(file.getJarEntry(name))) {
					byte[] header = in.readNBytes(8);
					versions.add(((header[6] & 0xff) << 8) | (header[7] & 0xff));
				}
			}
		}
		return versions;
	}

	private String run(List<String> arguments) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		line.addAll(arguments);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

}
