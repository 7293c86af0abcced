package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler directives a command-line process gives itself: directives HotSpot
 * accepts, applied in a JVM opened as the jar's manifest opens it (a child JVM, as
 * {@code java -jar} would be).
 */
class CompilerPolicyTest {

	@TempDir
	Path dir;

	@Test
	void hotSpotAcceptsTheDirectives() throws Exception {
		assertThat(javaWithDirectives(CompilerPolicy.directive(List.of("")))).isZero();
		assertThat(javaWithDirectives(CompilerPolicy.directive(List.of("org/springframework/", "java/lang/invoke/"))))
			.isZero();
		// the check itself: a pattern HotSpot refuses stops the JVM
		assertThat(javaWithDirectives(CompilerPolicy.directive(List.of("*")))).isNotZero();
	}

	@Test
	void aCommandLineProcessLeavesStartUpCodeToC1AndServeKeepsC2() throws Exception {
		assertThat(probe("status")).contains("matching: *.*").contains("Exclude:true");
		assertThat(probe("report", "--year", "2025")).contains("matching: *.*").contains("Exclude:true");
		assertThat(probe("--data-dir", "d", "ingest")).contains("matching: ")
			.contains("org/springframework/*.*")
			.contains("Exclude:true")
			.doesNotContain("matching: *.*\n  Enable:true Exclude:true");
		assertThat(probe("--data-dir", "status", "serve")).doesNotContain("Exclude:true");
	}

	private int javaWithDirectives(String directives) throws IOException, InterruptedException {
		Path file = Files.writeString(dir.resolve("directives-" + System.nanoTime() + ".json"), directives);
		return new ProcessBuilder(java(), "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + file,
				"-version")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("out.txt").toFile())
			.start()
			.waitFor();
	}

	private String probe(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(java(), "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED", "-cp",
						System.getProperty("java.class.path"), Probe.class.getName()));
		command.addAll(List.of(args));
		Path out = dir.resolve("probe.txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		assertThat(process.waitFor()).as(() -> read(out)).isZero();
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Applies the policy as Main does, then prints HotSpot's directives stack. */
	public static final class Probe {

		public static void main(String[] args) throws Exception {
			CompilerPolicy.commandLine(args);
			System.out.println(CompilerPolicy.diagnosticCommand("Compiler.directives_print"));
		}

	}

}
