package fr.ptce.observatory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Tables;

/**
 * What the JIT compiles in a command-line process, set by the process itself (a jar's
 * manifest cannot give JVM options). A command's start runs tens of thousands of methods
 * of Spring, picocli, Flyway, H2, class loading and reflection just often enough for
 * HotSpot's optimising compiler (C2) to compile them, on the same two cores, for a
 * process that ends a second later: on a cold {@code aggregate --year 2025} of the
 * samples, C2 was a third of the CPU (docs/startup.md). So a command that is not
 * {@code serve} tells HotSpot, with a compiler directive, to leave the start-up code
 * (framework packages, class loading, reflection, lambda spinning) to the fast C1
 * compiler, which keeps the job's own loops (the application's, the JDK's collections and
 * strings, Parquet, Arrow) free for C2; and a command whose work is known to be small
 * ({@code status}, {@code partner}, an ingest or aggregate of small inputs) leaves all of
 * it to C1. {@code serve} runs for days and keeps every compiler.
 *
 * Through HotSpot's diagnostic command {@code Compiler.directives_add}, reached without
 * JMX (which would load a thousand classes): the manifest of the jar opens
 * {@code jdk.management/com.sun.management.internal}. Anywhere else (a test JVM, another
 * VM), it does nothing: only the speed changes, never a result.
 */
public final class CompilerPolicy {

	/**
	 * Commands whose work is small whatever the data: {@code status} and {@code partner}
	 * read a few rows; {@code report} renders one year's publication from the published
	 * cells, whose number is bounded by the areas and indicators, not by the observations
	 * (all of it to C1: the process of {@code report --year 2025} on the samples fell
	 * from 11.5-12.3 s to 7.8 s); {@code demo} runs the chain on the bundled samples
	 * (26.6 s to 16.7 s).
	 */
	private static final Set<String> SMALL = Set.of("status", "partner", "report", "demo");

	/**
	 * Inputs below these sizes make small work: C2 would compile methods that stop
	 * running before its code is ready. About 400,000 rows of CSV for ingest; of Parquet
	 * observations for aggregate.
	 */
	public static final long SMALL_CSV = 16L << 20;

	public static final long SMALL_PARQUET = 4L << 20;

	/** Code that runs while a command starts, and seldom after. */
	private static final List<String> START_UP = List.of("org/springframework/", "picocli/", "ch/qos/", "org/slf4j/",
			"org/yaml/", "org/flywaydb/", "com/zaxxer/", "org/h2/", "tools/jackson/", "com/fasterxml/",
			"org/apache/hadoop/", "com/ctc/", "org/codehaus/", "jdk/internal/org/", "jdk/internal/loader/",
			"jdk/internal/reflect/", "jdk/internal/jimage/", "jdk/internal/module/", "java/lang/invoke/",
			"java/lang/reflect/", "java/lang/constant/", "sun/invoke/", "sun/reflect/", "java/util/jar/",
			"java/util/zip/", "java/net/", "sun/net/");

	/**
	 * Set by {@link ClassDataLaunch} in a JVM it started with C1 alone: no directive to
	 * give (and the diagnostic command's classes not to load).
	 */
	static final String C1_ONLY = "observatory.c1-only";

	private static volatile boolean enabled;

	private CompilerPolicy() {
	}

	/**
	 * For the process of {@code java -jar observatory.jar ARGS} (called by {@code Main}
	 * first): the start-up code to C1 unless the command is {@code serve}, all of it for
	 * a small command.
	 */
	public static void commandLine(String... args) {
		String command = CommandArguments.command(args);
		if ("serve".equals(command) || Boolean.getBoolean(C1_ONLY)) {
			return;
		}
		enabled = true;
		if (command == null || SMALL.contains(command)) {
			add(List.of(""));
		}
		else {
			add(START_UP);
		}
	}

	/**
	 * Everything to C1 when the files of these folders (and below) add up to less than
	 * {@code small} bytes: the work of the command is small. Nothing unless
	 * {@link #commandLine} ran.
	 */
	public static void input(List<Path> folders, long small) {
		if (enabled && bytes(folders) < small) {
			add(List.of(""));
		}
	}

	/**
	 * Whether the work of the command is small, judged from its arguments before it
	 * starts (for {@link ClassDataLaunch}, which can then stop the JVM at C1): a command
	 * of {@link #SMALL}, an ingest of an inbox, an aggregate of observations, below the
	 * sizes that {@link #input} uses (aggregate's folder holds every year, not only the
	 * ten it reads: a larger store keeps C2).
	 */
	static boolean smallWork(String... args) {
		String command = CommandArguments.command(args);
		if (SMALL.contains(command)) {
			return true;
		}
		DataDirectory data = new DataDirectory(Path.of(CommandArguments.option(args, "--data-dir", "var")));
		if ("ingest".equals(command)) {
			return bytes(
					List.of(Path.of(CommandArguments.option(args, "--inbox", data.inbox().toString())))) < SMALL_CSV;
		}
		return "aggregate".equals(command) && bytes(List.of(data.table(Tables.OBSERVATIONS))) < SMALL_PARQUET;
	}

	/**
	 * The size of the files of these folders and below; a missing folder holds nothing.
	 */
	private static long bytes(List<Path> folders) {
		long bytes = 0;
		for (Path folder : folders) {
			try (Stream<Path> files = Files.walk(folder)) {
				bytes += files.filter(Files::isRegularFile).mapToLong(CompilerPolicy::size).sum();
			}
			catch (IOException | UncheckedIOException ex) {
				// a missing folder holds nothing
			}
		}
		return bytes;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** The directive's text: C2 excluded for the methods of these class prefixes. */
	static String directive(List<String> prefixes) {
		StringBuilder match = new StringBuilder();
		for (String prefix : prefixes) {
			match.append(match.isEmpty() ? "" : ", ").append('"').append(prefix).append("*.*\"");
		}
		return "[{match: [" + match + "], c2: {Exclude: true}}]";
	}

	private static void add(List<String> prefixes) {
		Path file = Path.of(System.getProperty("java.io.tmpdir"),
				"observatory-jit-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
		try {
			Files.writeString(file, directive(prefixes), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			try {
				diagnosticCommand("Compiler.directives_add " + file);
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError ex) {
			// not opened to us, another VM, no temporary folder: every compiler stays,
			// only slower to start
		}
	}

	/**
	 * Runs a HotSpot diagnostic command (as {@code jcmd} would) in this JVM and returns
	 * its output; needs the package opened by the jar's manifest.
	 */
	static String diagnosticCommand(String command) throws ReflectiveOperationException {
		// loads libmanagement_ext, where the diagnostic commands' native code is
		Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
		Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
		Method instance = impl.getDeclaredMethod("getDiagnosticCommandMBean");
		instance.setAccessible(true);
		Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
		execute.setAccessible(true);
		return (String) execute.invoke(instance.invoke(null), command);
	}

}
