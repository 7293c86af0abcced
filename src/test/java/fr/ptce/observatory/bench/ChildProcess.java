package fr.ptce.observatory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Java main class of this project in a child JVM with a given heap, and measures
 * its wall time and peak resident memory (VmHWM of /proc, polled), so that a benchmark
 * compares processes, start-up included.
 */
public final class ChildProcess {

	/**
	 * @param peakRssBytes the peak resident memory of the process, plus its descendants'
	 * @param cpuSeconds user + system time of the process and its descendants (all their
	 * threads), as last read from /proc while it ran: what it cost on a machine whose
	 * other loads make wall times vary
	 */
	public record Measure(int exitCode, double seconds, long peakRssBytes, String output, double cpuSeconds) {

		public double peakRssMb() {
			return peakRssBytes / 1024.0 / 1024.0;
		}

	}

	private ChildProcess() {
	}

	public static Measure run(String heap, String mainClass, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
				"--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return command(command);
	}

	/** The jar as the README runs it. */
	public static final Path JAR = Path.of("target", "observatory.jar").toAbsolutePath();

	/**
	 * Runs {@code java -jar target/observatory.jar ARGS}, as the README gives it; the jar
	 * must have been built ({@code mvn package -DskipTests}).
	 */
	public static Measure jar(String... args) throws IOException, InterruptedException {
		if (!Files.isRegularFile(JAR)) {
			throw new AssertionError(JAR + " is missing: run mvn package -DskipTests first");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return command(command);
	}

	/**
	 * Runs any command (e.g. {@code java -jar target/observatory.jar ...}) and measures
	 * it the same way.
	 */
	public static Measure command(List<String> command) throws IOException, InterruptedException {
		Path log = Files.createTempFile("bench-child", ".log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// the process and its descendants (java -jar runs a command in a second JVM,
		// cli.ClassDataLaunch), the last reading of each; listing the descendants
		// walks /proc, so only every 10th poll does (the readings are cumulative)
		Map<Long, long[]> readings = new HashMap<>();
		for (int poll = 0; process.isAlive(); poll++) {
			if (poll % 10 == 1) {
				process.descendants().forEach(child -> readings.computeIfAbsent(child.pid(), pid -> new long[2]));
			}
			readings.computeIfAbsent(process.pid(), pid -> new long[2]);
			readings.forEach(ChildProcess::read);
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String output = Files.readString(log);
		Files.deleteIfExists(log);
		long peak = readings.values().stream().mapToLong(r -> r[0]).sum();
		long ticks = readings.values().stream().mapToLong(r -> r[1]).sum();
		return new Measure(process.exitValue(), seconds, peak, output, ticks / 100.0);
	}

	private static void read(long pid, long[] reading) {
		Path proc = Path.of("/proc", Long.toString(pid));
		reading[0] = Math.max(reading[0], vmHwm(proc.resolve("status")));
		reading[1] = Math.max(reading[1], cpuTicks(proc.resolve("stat")));
	}

	/** utime + stime of /proc/PID/stat, in clock ticks (100 a second on Linux). */
	private static long cpuTicks(Path stat) {
		try {
			String line = Files.readString(stat);
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			// the process ended between two polls
			return 0;
		}
	}

	private static long vmHwm(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process ended between two polls
		}
		return 0;
	}

}
