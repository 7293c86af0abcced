package fr.ptce.observatory.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.TableReaders;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the confidentiality audit costs (methodology section 4): `aggregate` of one year
 * on the generator's 10,000-pole set (9,999 poles, ten years of annual values from
 * `generate-samples --rows`, about 30 % without consent), through the command line as an
 * operator runs it, with the audit's own counts (programs solved, poles exposed, cells
 * suppressed) per year. The audit has no DuckDB counterpart to run beside it; the time of
 * the same `aggregate` before the audit existed is the README's reference
 * (`observatory-old.jar`, same data). Run with
 * {@code mvn -o test -Pbench -Dtest=ConfidentialityAuditBenchmark}; the data are
 * generated once under target/bench-audit and reused.
 */
@Tag("benchmark")
class ConfidentialityAuditBenchmark {

	static final Path ROOT = Path.of("target", "bench-audit");

	@Test
	void oneYearOnTenThousandPoles() throws Exception {
		Path generated = ROOT.resolve("generated");
		Path data = ROOT.resolve("data");
		if (!Files.exists(ROOT.resolve("ingested"))) {
			AtomicFiles.deleteTree(ROOT);
			run("generate-samples", "--out", generated.toString(), "--poles", "9999", "--rows", "1700000", "--years",
					"2016-2025");
			Files.createDirectories(data.resolve("inbox"));
			try (Stream<Path> files = Files.list(generated.resolve("submissions"))) {
				for (Path f : files.toList()) {
					Files.copy(f, data.resolve("inbox").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			run("--data-dir", data.toString(), "--registry", generated.resolve("registry.csv").toString(), "ingest");
			Files.writeString(ROOT.resolve("ingested"), "yes");
		}
		for (int round = 1; round <= 2; round++) {
			long t0 = System.nanoTime();
			run("--data-dir", data.toString(), "--registry", generated.resolve("registry.csv").toString(), "aggregate",
					"--year", "2025", "--as-of", "2026-12-02T00:00:00Z");
			System.out.printf("round %d: aggregate --year 2025 (ten years computed, Y−9..Y): %.2f s%n", round,
					(System.nanoTime() - t0) / 1e9);
		}
		List<AuditSummary> audit = TableReaders.readPartition(new DataDirectory(data),
				InternalTables.CONFIDENTIALITY_AUDIT, 2025, TableReaders::auditSummaries);
		System.out.printf("2025: %d protected respondents, %d programs, %d poles exposed, %d cells suppressed%n",
				audit.stream().mapToInt(AuditSummary::protectedRespondents).max().orElse(0),
				audit.stream().mapToInt(AuditSummary::linearPrograms).sum(),
				audit.stream().mapToInt(AuditSummary::polesExposed).sum(),
				audit.stream().mapToInt(AuditSummary::cellsSuppressed).sum());
	}

	private static void run(String... args) {
		StringWriter err = new StringWriter();
		int status = ObservatoryCommand.execute(new PrintWriter(System.out, true), new PrintWriter(err, true), args);
		if (status != 0) {
			throw new IllegalStateException(String.join(" ", args) + " failed (" + status + "): " + err);
		}
	}

}
