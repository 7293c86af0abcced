package fr.ptce.observatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.AtomicFiles;

/**
 * The training run of the class-data archive that {@link ClassDataLaunch} starts the
 * commands with: the build (pom.xml, package phase) runs it once under
 * {@code -XX:ArchiveClassesAtExit=target/observatory.jsa}, with the jar as class path, as
 * {@code java -jar} has it. It runs the everyday commands on a sample of the bundled
 * submissions in a scratch data directory (a fresh one first, as a first ingest finds
 * it), so that the archive holds the classes they load; {@code report} is left out (its
 * libraries would double the build's run for a command that runs once a year).
 *
 * {@code java -cp target/observatory.jar fr.ptce.observatory.cli.StartupTraining DIR}
 */
public final class StartupTraining {

	/** One submission in this many: every year, a few seconds of ingest. */
	private static final int SAMPLE_EVERY = 12;

	private StartupTraining() {
	}

	public static void main(String[] args) throws IOException {
		Path data = Path.of(args[0]).toAbsolutePath();
		AtomicFiles.deleteTree(data);
		Path inbox = Files.createDirectories(data.resolve("inbox"));
		Path later = Files.createDirectories(data.resolve("later"));
		DemoCommand.copySamples(later);
		keepSample(later);
		// the first file alone into a fresh directory, the rest into an existing one
		try (Stream<Path> files = Files.list(later)) {
			Path first = files.sorted().findFirst().orElseThrow();
			Files.move(first, inbox.resolve(first.getFileName()));
		}
		String dir = data.toString();
		run("--data-dir", dir, "ingest");
		run("--data-dir", dir, "ingest", "--inbox", later.toString());
		run("--data-dir", dir, "aggregate", "--year", "2025");
		run("--data-dir", dir, "extract", "--year", "2025");
		run("--data-dir", dir, "status");
		run("--data-dir", dir, "partner", "token", "list");
		AtomicFiles.deleteTree(data);
		// the archive is written as the JVM exits; the pools' threads would hold it
		System.exit(0);
	}

	private static void keepSample(Path folder) throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.sorted().toList();
		}
		for (int i = 0; i < files.size(); i++) {
			if (i % SAMPLE_EVERY != 0) {
				Files.delete(files.get(i));
			}
		}
	}

	/** A command as the jar runs it; its output is not the build's, a failure is. */
	private static void run(String... args) {
		PrintWriter quiet = new PrintWriter(Writer.nullWriter());
		int status = ObservatoryCommand.execute(quiet, new PrintWriter(System.err, true), args);
		if (status != 0) {
			throw new IllegalStateException("training run: " + String.join(" ", args) + " exited with " + status);
		}
	}

}
