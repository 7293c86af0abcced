package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of interfaces.md: help, version, exit statuses, status. */
class CommandLineTest {

	@TempDir
	Path dir;

	record Run(int status, String out, String err) {
	}

	static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = ObservatoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
		return new Run(status, out.toString(), err.toString());
	}

	@Test
	void helpListsTheCommandsAndGlobalOptions() {
		Run run = run("--help");
		assertThat(run.status()).isZero();
		assertThat(run.out()).contains("--data-dir", "--registry", "--partners", "ingest", "status", "demo",
				"Exit status");
		assertThat(run("ingest", "--help").out()).contains("--inbox");
	}

	@Test
	void versionIsTheBuildVersion() {
		Run run = run("--version");
		assertThat(run.status()).isZero();
		assertThat(run.out()).startsWith("observatory ");
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(run().status()).isEqualTo(2);
		assertThat(run("frobnicate").status()).isEqualTo(2);
		assertThat(run("ingest", "--no-such-option").status()).isEqualTo(2);
		Run missingInbox = run("--data-dir", dir.toString(), "ingest", "--inbox", dir.resolve("nowhere").toString());
		assertThat(missingInbox.status()).isEqualTo(2);
		assertThat(missingInbox.err()).contains("is not a folder");
	}

	@Test
	void badRegistryStopsWithItsLineAndReason() throws IOException {
		Path registry = dir.resolve("registry.csv");
		Files.writeString(registry, "pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n"
				+ "PTCE-0001,A,75056,2015,,association,CULTURE,,,yes\nPTCE-0001,B,75056,2015,,association,CULTURE,,,yes\n");
		Run run = run("--data-dir", dir.resolve("data").toString(), "--registry", registry.toString(), "status");
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).contains("line 3: duplicate pole_id PTCE-0001");
	}

	@Test
	void badPartnersFileStopsWithItsLineAndReason() throws IOException {
		Path partners = dir.resolve("partners.csv");
		Files.writeString(partners, "partner,name,networks,contact\nRTES,R,RTES|NOWHERE,\n");
		Run run = run("--data-dir", dir.resolve("data").toString(), "--partners", partners.toString(), "status");
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).contains(partners + ", line 2: unknown network 'NOWHERE'");
	}

	@Test
	void statusListsRunsAndFiles() throws IOException {
		// given an ingest of one file
		Path data = dir.resolve("data");
		Files.createDirectories(data.resolve("inbox"));
		Files.writeString(data.resolve("inbox/s.csv"), "pole_id,period,indicator,value\nPTCE-0001,2024,JOBS_FTE,3\n");
		Path registry = dir.resolve("registry.csv");
		Files.writeString(registry, "pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n"
				+ "PTCE-0001,A,75056,2015,,association,CULTURE,,,yes\n");
		Run ingest = run("--data-dir", data.toString(), "--registry", registry.toString(), "ingest");
		assertThat(ingest.status()).isZero();
		assertThat(ingest.out()).contains("1 file(s) processed: 1 accepted", "1 data rows read: 1 stored");
		// when status runs
		Run status = run("--data-dir", data.toString(), "--registry", registry.toString(), "status");
		// then it lists the execution, its steps and the file
		assertThat(status.status()).isZero();
		assertThat(status.out()).contains("ingestJob", "COMPLETED", "ingestFilesStep", "read 1, written 1", "s.csv",
				"ACCEPTED", "archive/s.csv", "State of each (step, year)");
	}

}
