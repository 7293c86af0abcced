package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.SoftwareVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line of interfaces.md. Arguments are parsed before Spring starts, so that
 * --help, --version and usage errors answer at once. Exit status: 0 success, 1 a job
 * failed, 2 usage error.
 */
@Command(name = "observatory", mixinStandardHelpOptions = true, versionProvider = ObservatoryCommand.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		header = "Batch pipeline of the national observatory of the PTCE.", synopsisSubcommandLabel = "COMMAND",
		description = { "",
				"Ingests the poles' indicator submissions, computes the yearly figures under statistical "
						+ "confidentiality, publishes the national report and shares extracts with partner networks.",
				"" },
		footer = { "",
				"Spring Boot properties may be given as --name.with.dots=value "
						+ "(e.g. --spring.profiles.active=postgres).",
				"Exit status: 0 success, 1 a job failed (the message says which step and why), 2 usage error.",
				"Run 'observatory COMMAND --help' for the options of a command." })
public class ObservatoryCommand implements Runnable {

	/** The commands by name, in the order the help lists them. */
	private static final Map<String, Class<?>> COMMANDS = commands();

	private static Map<String, Class<?>> commands() {
		Map<String, Class<?>> commands = new LinkedHashMap<>();
		commands.put(IngestCommand.NAME, IngestCommand.class);
		commands.put(AggregateCommand.NAME, AggregateCommand.class);
		commands.put(ReportCommand.NAME, ReportCommand.class);
		commands.put(ExtractCommand.NAME, ExtractCommand.class);
		commands.put(BackfillCommand.NAME, BackfillCommand.class);
		commands.put(StatusCommand.NAME, StatusCommand.class);
		commands.put(PartnerCommand.NAME, PartnerCommand.class);
		commands.put(ServeCommand.NAME, ServeCommand.class);
		commands.put(DemoCommand.NAME, DemoCommand.class);
		commands.put(GenerateSamplesCommand.NAME, GenerateSamplesCommand.class);
		return Collections.unmodifiableMap(commands);
	}

	final GlobalOptions global = new GlobalOptions();

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (default: ./var)",
			scope = ScopeType.INHERIT)
	void dataDir(Path dir) {
		global.dataDir = dir;
	}

	@Option(names = "--registry", paramLabel = "FILE",
			description = "pole registry (default: the registry of data-samples/)", scope = ScopeType.INHERIT)
	void registry(Path file) {
		global.registry = file;
	}

	@Option(names = "--partners", paramLabel = "FILE",
			description = "partners file (default: the partners file of data-samples/)", scope = ScopeType.INHERIT)
	void partners(Path file) {
		global.partners = file;
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
		throw new CommandLine.ParameterException(spec.commandLine(), "a COMMAND is required");
	}

	public static int execute(String... args) {
		return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
	}

	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		ObservatoryCommand root = new ObservatoryCommand();
		List<String> picocliArgs = new ArrayList<>();
		for (String arg : args) {
			if (arg.matches("--[a-z][a-z0-9-]*(\\.[a-zA-Z0-9-\\[\\]]+)+=.*")) {
				root.global.springArguments.add(arg);
			}
			else {
				picocliArgs.add(arg);
			}
		}
		String[] parsed = picocliArgs.toArray(String[]::new);
		CommandLine cli = commandLine(root, parsed);
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			err.println("error: " + Failures.describe(ex));
			return ex instanceof UsageException ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
		});
		return cli.execute(parsed);
	}

	/**
	 * The command line with only the command named when the arguments before it are
	 * global options: picocli builds the model of every command it is given, from their
	 * annotations, a third of its start (docs/startup.md). With all of them otherwise,
	 * for the program's help, its version and usage errors (an unknown command's
	 * suggestions). Before any setting, which picocli gives to the commands already
	 * added.
	 */
	static CommandLine commandLine(ObservatoryCommand root, String... args) {
		CommandLine cli = new CommandLine(root);
		Class<?> only = COMMANDS.get(CommandArguments.command(args));
		if (only != null && CommandArguments.onlyGlobalOptionsBefore(args)) {
			cli.addSubcommand(only);
		}
		else {
			COMMANDS.values().forEach(cli::addSubcommand);
		}
		return cli;
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "observatory " + SoftwareVersion.get(),
					"Java " + System.getProperty("java.version") };
		}

	}

}
