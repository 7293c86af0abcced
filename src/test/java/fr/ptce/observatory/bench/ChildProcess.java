package fr.ptce.observatory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a Java main class of this project in a child JVM with a given heap, and measures its wall time and peak
 * resident memory (VmHWM of /proc, polled), so that a benchmark compares processes, start-up included.
 */
public final class ChildProcess {

	public record Measure(int exitCode, double seconds, long peakRssBytes, String output) {

		public double peakRssMb() {
			return peakRssBytes / 1024.0 / 1024.0;
		}

	}

	private ChildProcess() {
	}

	public static Measure run(String heap, String mainClass, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("bench-child", ".log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long peak = 0;
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		while (process.isAlive()) {
			peak = Math.max(peak, vmHwm(status));
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		String output = Files.readString(log);
		Files.deleteIfExists(log);
		return new Measure(process.exitValue(), seconds, peak, output);
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
