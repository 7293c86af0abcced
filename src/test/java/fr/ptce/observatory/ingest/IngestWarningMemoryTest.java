package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid file with a warning on nearly every row is ingested in a small heap: warnings
 * are spooled to disk like rejected rows, not held until the receipt is written. The
 * ingest runs in a child JVM, as an operator runs it, with a heap in which the warnings
 * held in a list (about 700 bytes each) do not fit.
 */
class IngestWarningMemoryTest {

	/**
	 * Few poles, many indicators: a small key space, so that the heap the job needs is
	 * small too.
	 */
	static final int POLES = 400;

	/**
	 * The members' total and a part of it come last, so that a row's cross-row warning is
	 * tested too.
	 */
	static final List<String> INDICATORS = List.of("PROJECTS_ACTIVE", "JOBS_FTE", "JOBS_CREATED", "JOBS_INSERTION",
			"TRAINING_HOURS", "VOLUNTEERS", "GOV_MEETINGS", "TURNOVER", "MEMBERS_TOTAL", "MEMBERS_ESS");

	static final int FIRST_YEAR = 2010;

	static final int LAST_YEAR = 2025;

	/**
	 * Enough for the job itself with room to spare, far from enough for 316,000 warnings
	 * held as objects.
	 */
	static final String HEAP = "128m";

	@TempDir
	Path work;

	@Test
	void fileWithAWarningOnEveryRowIsIngestedInASmallHeap() throws Exception {
		// given a valid file whose values go 1, 100, 1... from year to year: every row
		// after the first year is a
		// tenfold jump (SUSPICIOUS_JUMP); MEMBERS_ESS goes 100, 1, 100... so that in even
		// years it exceeds the
		// total (INCONSISTENT_MEMBERS on the total’s row, before its jump): 316,000
		// warnings for 320,000 rows
		Path registry = work.resolve("registry.csv");
		try (BufferedWriter out = Files.newBufferedWriter(registry)) {
			out.write("pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n");
			for (int p = 1; p <= POLES; p++) {
				out.write(String.format("PTCE-%04d,Pôle %d,75056,2010,,association,CULTURE,,,yes%n", p, p));
			}
		}
		Path dataDir = work.resolve("data");
		Path inbox = dataDir.resolve("inbox");
		Files.createDirectories(inbox);
		long rows = 0;
		try (BufferedWriter out = Files.newBufferedWriter(inbox.resolve("jumpy.csv"))) {
			out.write("pole_id,period,indicator,value\n");
			for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
				for (int q = 0; q <= 4; q++) {
					for (int p = 1; p <= POLES; p++) {
						for (String indicator : INDICATORS) {
							out.write(String.format("PTCE-%04d,%s,%s,%d%n", p, q == 0 ? "" + year : year + "-Q" + q,
									indicator, (year % 2 == 0) != indicator.equals("MEMBERS_ESS") ? 1 : 100));
							rows++;
						}
					}
				}
			}
		}
		long jumps = rows - 5L * POLES * INDICATORS.size();
		long evenYears = (LAST_YEAR - FIRST_YEAR) / 2 + 1;
		long inconsistent = evenYears * 5 * POLES;
		// the rows of the first year have no jump: their totals are the only lines with
		// one warning
		long warnedLines = jumps + 5L * POLES;

		// when it is ingested by a child JVM with a small heap
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + HEAP, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
				System.getProperty("java.class.path"), "fr.ptce.observatory.Main", "--data-dir", dataDir.toString(),
				"--registry", registry.toString(), "ingest");
		Path log = work.resolve("child.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the ingest ends").isTrue();

		// then it succeeds and the file is accepted with every warning in its receipt
		assertThat(process.exitValue()).as("exit code; child output:%n%s", Files.readString(log)).isZero();
		assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
		assertThat(dataDir.resolve("archive/jumpy.csv")).exists();
		Path json;
		Path csv;
		try (Stream<Path> receipts = Files.list(dataDir.resolve("receipts"))) {
			List<Path> files = receipts.sorted().toList();
			assertThat(files).hasSize(2);
			csv = files.get(0);
			json = files.get(1);
		}
		assertThat(head(json, "rows_read")).isEqualTo(rows);
		assertThat(head(json, "rows_accepted")).isEqualTo(rows);
		assertThat(head(json, "rows_with_warnings")).isEqualTo(warnedLines);
		long[] counts = new long[2];
		try (Stream<String> lines = Files.lines(csv)) {
			// one line per warning after the header line, in line order; on one line the
			// cross-row warning first
			long[] previous = { 0, -1 };
			lines.skip(1).forEach(line -> {
				long number = Long.parseLong(line.substring(0, line.indexOf(',')));
				int kind = line.contains(",warning,INCONSISTENT_MEMBERS,") ? 0
						: line.contains(",warning,SUSPICIOUS_JUMP,") ? 1 : -1;
				assertThat(kind).as(line).isNotNegative();
				assertThat(number > previous[0] || number == previous[0] && kind > previous[1]).as(line).isTrue();
				previous[0] = number;
				previous[1] = kind;
				counts[kind]++;
			});
		}
		assertThat(counts[0]).as("INCONSISTENT_MEMBERS").isEqualTo(inconsistent);
		assertThat(counts[1]).as("SUSPICIOUS_JUMP").isEqualTo(jumps);
	}

	/**
	 * A number of the receipt's head, read from its first characters (the issues after it
	 * are long).
	 */
	static long head(Path json, String field) throws IOException {
		char[] start = new char[4096];
		int n;
		try (Reader in = Files.newBufferedReader(json)) {
			n = in.read(start);
		}
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(new String(start, 0, n));
		assertThat(m.find()).as(field).isTrue();
		return Long.parseLong(m.group(1));
	}

}
