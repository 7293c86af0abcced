package fr.ptce.observatory.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code java -jar target/observatory.jar COMMAND}: the command run in a second JVM given
 * the options that a jar's manifest cannot give, when the build left an application
 * class-data archive beside the jar ({@code observatory.jsa}, made by
 * {@link StartupTraining}). The archive holds the classes of the everyday commands
 * already parsed, verified and linked, which is most of a short command's start
 * (docs/startup.md: a one-row ingest 4.3 s to 2.6 s, {@code aggregate --year 2025} of the
 * samples 5.4 s to 3.3 s); this first JVM loads a dozen classes and waits.
 *
 * The second JVM gets this JVM's options, the archive, and C1 alone for a command whose
 * work is small (as {@link CompilerPolicy} decides, but set at start, where it also stops
 * the tiered profiling). Its output, input and exit status are this process's; a
 * {@code SIGTERM} to this process is passed on, and if this process is killed outright
 * the second one halts too (it watches its parent), as the one process would have died:
 * the run is then restarted like any killed run.
 *
 * Not for {@code serve} (started once, and a service manager should see its one process),
 * nor help and usage errors (a second JVM would cost more than it saves), nor when the
 * archive is older than the jar, the JVM already has class-data options, or the classes
 * do not come from the jar alone (tests, an IDE).
 */
public final class ClassDataLaunch {

	/** The archive's name, beside the jar. */
	public static final String ARCHIVE = "observatory.jsa";

	/** Set in the second JVM: the first one's process id. */
	static final String PARENT = "observatory.launcher";

	private ClassDataLaunch() {
	}

	/**
	 * Runs the command in a second JVM if this one is the jar's with an archive beside
	 * it; its exit status, or empty to run the command here.
	 */
	public static OptionalInt run(String... args) {
		String parent = System.getProperty(PARENT);
		if (parent != null) {
			haltWith(parent);
			return OptionalInt.empty();
		}
		String command = CommandArguments.command(args);
		Path jar = jar();
		if (command == null || "serve".equals(command) || jar == null) {
			return OptionalInt.empty();
		}
		Path archive = jar.resolveSibling(ARCHIVE);
		Optional<String[]> options = ProcessHandle.current().info().arguments();
		if (!newer(archive, jar) || options.isEmpty()) {
			return OptionalInt.empty();
		}
		List<String> jvmOptions = jvmOptions(options.get());
		if (jvmOptions == null) {
			return OptionalInt.empty();
		}
		List<String> line = new ArrayList<>();
		line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		line.addAll(jvmOptions);
		line.add("-XX:SharedArchiveFile=" + archive);
		line.add("-Xlog:cds=off");
		line.add("-Xlog:cds+dynamic=off");
		if (CompilerPolicy.smallWork(args)) {
			line.add("-XX:TieredStopAtLevel=1");
			line.add("-D" + CompilerPolicy.C1_ONLY + "=true");
		}
		line.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
		line.add("-jar");
		line.add(jar.toString());
		line.addAll(List.of(args));
		return OptionalInt.of(runChild(line));
	}

	private static int runChild(List<String> line) {
		Process child;
		try {
			child = new ProcessBuilder(line).inheritIO().start();
		}
		catch (IOException ex) {
			System.err.println("error: cannot start the command's JVM: " + ex.getMessage());
			return 1;
		}
		Thread passOn = new Thread(() -> {
			if (child.isAlive()) {
				child.destroy();
				waitFor(child);
			}
		}, "stop-command");
		Runtime.getRuntime().addShutdownHook(passOn);
		int status = waitFor(child);
		Runtime.getRuntime().removeShutdownHook(passOn);
		return status;
	}

	private static int waitFor(Process child) {
		while (true) {
			try {
				return child.waitFor();
			}
			catch (InterruptedException ex) {
				// the exit status is still to come
			}
		}
	}

	/**
	 * The JVM options of this process's command line (what comes before {@code -jar}), or
	 * null when they already choose class data (left as given: this JVM runs the
	 * command).
	 */
	static List<String> jvmOptions(String[] arguments) {
		List<String> options = new ArrayList<>();
		for (String argument : arguments) {
			if ("-jar".equals(argument)) {
				return options;
			}
			if (argument.startsWith("-Xshare") || argument.contains("SharedArchiveFile")
					|| argument.contains("ArchiveClassesAtExit") || argument.startsWith("-D" + PARENT)) {
				return null;
			}
			options.add(argument);
		}
		return null;
	}

	/** The jar this JVM runs from when its class path is that jar alone, else null. */
	private static Path jar() {
		String classPath = System.getProperty("java.class.path", "");
		if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
			return null;
		}
		Path jar = Path.of(classPath).toAbsolutePath().normalize();
		return Files.isRegularFile(jar) ? jar : null;
	}

	private static boolean newer(Path archive, Path jar) {
		try {
			return Files.isRegularFile(archive)
					&& Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * In the second JVM: halts it when the first one dies without passing a signal on
	 * ({@code kill -9}), as the one process would have stopped.
	 */
	private static void haltWith(String parent) {
		Optional<ProcessHandle> launcher;
		try {
			launcher = ProcessHandle.of(Long.parseLong(parent));
		}
		catch (NumberFormatException ex) {
			return;
		}
		Thread watch = new Thread(() -> {
			while (launcher.map(ProcessHandle::isAlive).orElse(false)) {
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			Runtime.getRuntime().halt(137);
		}, "launcher-watch");
		watch.setDaemon(true);
		watch.start();
	}

}
