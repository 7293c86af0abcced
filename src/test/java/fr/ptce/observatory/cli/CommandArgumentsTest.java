package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What the arguments say before picocli parses them, and the command line built from it:
 * the command named alone when only global options come before it, every command
 * otherwise.
 */
class CommandArgumentsTest {

	@Test
	void theCommandIsTheFirstArgumentThatIsNeitherAnOptionNorAGlobalOptionsValue() {
		assertThat(CommandArguments.command("--data-dir", "serve", "status")).isEqualTo("status");
		assertThat(CommandArguments.command("--registry", "r.csv", "--data-dir=x", "serve", "--port", "1"))
			.isEqualTo("serve");
		assertThat(CommandArguments.command("--spring.profiles.active=postgres", "ingest", "--inbox", "serve"))
			.isEqualTo("ingest");
		assertThat(CommandArguments.command("--help")).isNull();
		assertThat(CommandArguments.command()).isNull();
	}

	@Test
	void onlyGlobalOptionsAndTheirValuesMayComeBeforeTheCommand() {
		assertThat(CommandArguments.onlyGlobalOptionsBefore("aggregate", "--help")).isTrue();
		assertThat(CommandArguments.onlyGlobalOptionsBefore("--data-dir", "d", "--registry=r.csv", "aggregate"))
			.isTrue();
		assertThat(CommandArguments.onlyGlobalOptionsBefore("--data-dir", "d", "-h", "aggregate")).isFalse();
		assertThat(CommandArguments.onlyGlobalOptionsBefore("--version", "status")).isFalse();
		assertThat(CommandArguments.onlyGlobalOptionsBefore("--data-dir", "--help", "status")).isTrue();
	}

	@Test
	void theValueOfAnOptionInEitherForm() {
		assertThat(CommandArguments.option(new String[] { "--data-dir", "d", "ingest" }, "--data-dir", "var"))
			.isEqualTo("d");
		assertThat(CommandArguments.option(new String[] { "ingest", "--inbox=i" }, "--inbox", "x")).isEqualTo("i");
		assertThat(CommandArguments.option(new String[] { "ingest" }, "--inbox", "x")).isEqualTo("x");
	}

	@Test
	void aCommandAfterGlobalOptionsIsTheOnlyOneModelled() {
		assertThat(subcommands("--data-dir", "d", "aggregate", "--year", "2025")).containsExactly("aggregate");
		assertThat(subcommands("partner", "token", "list")).containsExactly("partner");
	}

	@Test
	void helpVersionAndUnknownCommandsHaveThemAll() {
		String[] all = { "ingest", "aggregate", "report", "extract", "backfill", "status", "partner", "serve", "demo",
				"generate-samples" };
		assertThat(subcommands("--help")).containsExactly(all);
		assertThat(subcommands("--version")).containsExactly(all);
		assertThat(subcommands("-h", "aggregate")).containsExactly(all);
		assertThat(subcommands("frobnicate")).containsExactly(all);
		assertThat(subcommands()).containsExactly(all);
	}

	@Test
	void theProgramsHelpBeforeACommandStillListsEveryCommand() {
		CommandLineTest.Run run = CommandLineTest.run("--data-dir", "d", "--help", "aggregate");
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("Batch pipeline", "ingest", "status", "generate-samples");
	}

	@Test
	void aCommandsHelpAndErrorsAreItsOwn() {
		CommandLineTest.Run help = CommandLineTest.run("--data-dir", "d", "aggregate", "--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).contains("Usage: observatory aggregate", "--year", "--data-dir");
		CommandLineTest.Run unknown = CommandLineTest.run("aggregate", "--yaer", "2025");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unknown options: '--yaer', '2025'");
	}

	private static Set<String> subcommands(String... args) {
		return ObservatoryCommand.commandLine(new ObservatoryCommand(), args).getSubcommands().keySet();
	}

}
