package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar observatory.jar COMMAND} with a class-data archive beside the jar: the
 * command runs in a second JVM given the archive, with the first one's exit status and
 * output, and dies with it. Over real processes, from a jar made here whose manifest
 * names the test class path (the build's archive cannot be made from class folders, so
 * the one beside this jar is not a real archive: HotSpot ignores it, which also shows
 * that a damaged archive leaves the command working).
 */
class ClassDataLaunchTest {

	@TempDir
	Path dir;

	@Test
	void theJvmOptionsAreWhatComesBeforeTheJarUnlessTheyChooseClassData() {
		assertThat(ClassDataLaunch.jvmOptions(new String[] { "-Xmx1g", "-Dx=y", "-jar", "o.jar", "status" }))
			.containsExactly("-Xmx1g", "-Dx=y");
		assertThat(ClassDataLaunch.jvmOptions(new String[] { "-jar", "o.jar", "-Xshare:off" })).isEmpty();
		assertThat(ClassDataLaunch.jvmOptions(new String[] { "-Xshare:off", "-jar", "o.jar" })).isNull();
		assertThat(ClassDataLaunch.jvmOptions(new String[] { "-XX:SharedArchiveFile=a.jsa", "-jar", "o.jar" }))
			.isNull();
		assertThat(ClassDataLaunch.jvmOptions(new String[] { "-cp", "o.jar", "fr.ptce.observatory.Main" })).isNull();
	}

	@Test
	void smallWorkIsJudgedFromTheArgumentsAsTheCommandsJudgeIt() throws IOException {
		Path data = dir.resolve("data");
		Files.createDirectories(data.resolve("inbox"));
		Files.writeString(data.resolve("inbox/a.csv"), "pole_id,period,indicator,value\n");
		assertThat(CompilerPolicy.smallWork("--data-dir", data.toString(), "status")).isTrue();
		assertThat(CompilerPolicy.smallWork("--data-dir=" + data, "ingest")).isTrue();
		assertThat(CompilerPolicy.smallWork("--data-dir", data.toString(), "aggregate", "--year", "2025")).isTrue();
		assertThat(CompilerPolicy.smallWork("--data-dir", data.toString(), "extract", "--year", "2025")).isFalse();
		try (OutputStream out = Files.newOutputStream(data.resolve("inbox/big.csv"))) {
			out.write(new byte[(int) CompilerPolicy.SMALL_CSV]);
		}
		assertThat(CompilerPolicy.smallWork("--data-dir", data.toString(), "ingest")).isFalse();
		assertThat(CompilerPolicy.smallWork("ingest", "--inbox", dir.resolve("none").toString())).isTrue();
	}

	@Test
	void theCommandRunsInASecondJvmWithTheFirstOnesOutputAndExitStatus() throws Exception {
		Path jar = jarWithArchive();
		Path data = dir.resolve("data");
		Run status = run(jar, "--data-dir", data.toString(), "status");
		assertThat(status.exit).as(status.out).isZero();
		assertThat(status.out).contains("Job executions (most recent first):").contains("none yet");
		Run usage = run(jar, "--data-dir", data.toString(), "status", "--bogus");
		assertThat(usage.exit).isEqualTo(2);
		assertThat(usage.out).contains("Unknown option: '--bogus'");
	}

	@Test
	void theSecondJvmGetsTheArchiveAndDiesWithTheFirst() throws Exception {
		Path jar = jarWithArchive();
		Process launcher = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toString(), "--data-dir",
				dir.resolve("demo").toString(), "demo")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("demo.txt").toFile())
			.start();
		try {
			ProcessHandle command = child(launcher);
			String line = String.join(" ", command.info().arguments().orElseThrow());
			assertThat(line).contains("-Xmx256m")
				.contains("-XX:SharedArchiveFile=" + jar.resolveSibling(ClassDataLaunch.ARCHIVE))
				.contains("-XX:TieredStopAtLevel=1")
				.endsWith("-jar " + jar + " --data-dir " + dir.resolve("demo") + " demo");
			launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			assertThat(command.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
		}
		finally {
			launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}
	}

	private static ProcessHandle child(Process launcher) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			// for a moment the child is the JDK's jspawnhelper (arguments: the JDK's
			// version and three descriptors), before it becomes the second JVM
			Optional<ProcessHandle> child = launcher.children().findFirst();
			if (child.isPresent() && child.get()
				.info()
				.arguments()
				.filter(arguments -> List.of(arguments).contains("-jar"))
				.isPresent()) {
				return child.get();
			}
			Thread.sleep(20);
		}
		throw new AssertionError("no second JVM under the launcher");
	}

	/**
	 * {@code observatory.jar}, a manifest as the build's (main class, the opened
	 * packages) naming this test's class path, and a file as archive beside it, newer
	 * than the jar.
	 */
	private Path jarWithArchive() throws IOException {
		Path jar = dir.resolve("app/observatory.jar");
		Files.createDirectories(jar.getParent());
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.put(Attributes.Name.MAIN_CLASS, "fr.ptce.observatory.Main");
		main.put(new Attributes.Name("Add-Opens"), "java.base/java.nio jdk.management/com.sun.management.internal");
		main.put(Attributes.Name.CLASS_PATH,
				Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
					.map(entry -> Path.of(entry).toUri().toString())
					.collect(Collectors.joining(" ")));
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
			out.flush();
		}
		Path archive = Files.writeString(jar.resolveSibling(ClassDataLaunch.ARCHIVE), "not an archive");
		Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));
		return jar;
	}

	private Run run(Path jar, String... args) throws IOException, InterruptedException {
		Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
		List<String> line = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
		line.addAll(List.of(args));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.children().count()).isZero();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private record Run(int exit, String out) {
	}

}
