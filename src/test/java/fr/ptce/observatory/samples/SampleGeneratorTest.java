package fr.ptce.observatory.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.ptce.observatory.cli.ObservatoryCommand;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {

	private static final Path SAMPLES = Path.of("data-samples");

	private static GeoReferential geo;

	private static Catalogue catalogue;

	@TempDir
	Path tmp;

	@BeforeAll
	static void referential() {
		geo = GeoReferential.bundled();
		catalogue = Catalogue.bundled();
	}

	@Test
	void theSameSeedGivesTheSameBytes() throws IOException {
		SampleGenerator.Options options = new SampleGenerator.Options(7, 40, 2019, 2025, 2, 0);
		new SampleGenerator(options).generate(tmp.resolve("a"), false);
		new SampleGenerator(options).generate(tmp.resolve("b"), false);
		Map<String, byte[]> a = files(tmp.resolve("a"));
		assertThat(a).hasSizeGreaterThan(100);
		assertSameFiles(a, files(tmp.resolve("b")), "the second run");

		new SampleGenerator(new SampleGenerator.Options(8, 40, 2019, 2025, 2, 0)).generate(tmp.resolve("c"), false);
		assertThat(Files.readAllBytes(tmp.resolve("c/registry.csv")))
			.isNotEqualTo(Files.readAllBytes(tmp.resolve("a/registry.csv")));
	}

	/**
	 * This is what proves how data-samples/ was made: its README gives the command, here
	 * run again.
	 */
	@Test
	void theCommittedSamplesAreWhatTheGeneratorWritesWithTheDocumentedSeed() throws IOException {
		SampleGenerator.Summary summary = new SampleGenerator(SampleGenerator.Options.defaults()).generate(tmp, false);
		String readme = Files.readString(SAMPLES.resolve("README.md"));
		assertThat(readme).contains(SampleGenerator.Options.defaults().command("data-samples"));
		assertSameFiles(files(SAMPLES), files(tmp), "a fresh generation with the defaults (regenerate data-samples/ "
				+ "with the command of its README if the generator changed on purpose)");
		assertThat(summary.bytes()).as("committed samples stay small").isLessThan(5_000_000);
	}

	@Test
	void theRegistryLoadsAndCoversTheEighteenRegions() throws IOException {
		Registry registry = Registry.load(SAMPLES.resolve("registry.csv"), geo);
		assertThat(registry.size()).isEqualTo(SampleGenerator.DEFAULT_POLES);
		for (int i = 0; i < registry.size(); i++) {
			assertThat(registry.poles().get(i).id()).isEqualTo(String.format("PTCE-%04d", i + 1));
		}
		Map<String, Long> perRegion = registry.poles()
			.stream()
			.collect(Collectors.groupingBy(Pole::region, TreeMap::new, Collectors.counting()));
		Set<String> reported = geo.reportedRegions()
			.stream()
			.map(GeoReferential.Region::code)
			.collect(Collectors.toSet());
		assertThat(perRegion.keySet()).isEqualTo(reported);
		assertThat(perRegion.values().stream().filter(n -> n >= 3).count()).as("regions with at least 3 poles")
			.isGreaterThanOrEqualTo(14);
		assertThat(perRegion.values()).as("some regions below the confidentiality threshold").anyMatch(n -> n < 3);
		Map<String, Long> perDepartement = registry.poles()
			.stream()
			.collect(Collectors.groupingBy(Pole::departement, Collectors.counting()));
		assertThat(perDepartement.values().stream().filter(n -> n <= 2).count()).isGreaterThanOrEqualTo(10);
		assertThat(registry.poles()).anyMatch(p -> p.closed() != null);
		assertThat(registry.poles()).anyMatch(p -> p.epci().size() > 1);
		assertThat(registry.poles()).anyMatch(Pole::openData).anyMatch(p -> !p.openData());
		assertThat(registry.poles().stream().map(Pole::theme).distinct().count()).isEqualTo(Registry.THEMES.size());
		assertThat(registry.poles().stream().mapToInt(Pole::created).min().getAsInt()).isEqualTo(2012);
		assertThat(registry.poles().stream().mapToInt(Pole::created).max().getAsInt()).isLessThanOrEqualTo(2024);
		assertThat(registry.poles().stream().map(Pole::name).distinct().count()).isEqualTo(registry.size());
	}

	@Test
	void everyCodeAndOutcomeOfTheSubmissionFormatOccurs() throws IOException {
		List<Map<String, String>> receipts = read(SAMPLES.resolve("expected-receipts.csv"));
		List<Map<String, String>> issues = read(SAMPLES.resolve("expected-issues.csv"));
		Set<String> names = new HashSet<>();
		try (Stream<Path> files = Files.list(SAMPLES.resolve("submissions"))) {
			files.forEach(f -> names.add(f.getFileName().toString()));
		}
		assertThat(receipts.stream().map(r -> r.get("file")).collect(Collectors.toSet())).isEqualTo(names);
		assertThat(receipts).hasSameSizeAs(names);
		assertThat(names).allMatch(n -> n.matches("\\d{8}_PTCE-\\d{4}_\\d{4}(-Q[1-4])?(_[a-z0-9]+)?\\.csv"));

		Set<String> codes = issues.stream().map(r -> r.get("code")).collect(Collectors.toSet());
		assertThat(codes).containsAll(List.of("MALFORMED_ROW", "MISSING_FIELD", "UNKNOWN_POLE", "BAD_PERIOD",
				"POLE_INACTIVE", "FUTURE_PERIOD", "UNKNOWN_INDICATOR", "BAD_STATUS", "NOT_A_NUMBER", "UNIT_MISMATCH",
				"NOT_INTEGER", "OUT_OF_RANGE", "DUPLICATE_IN_FILE", "INCONSISTENT_MEMBERS", "INCONSISTENT_VOTERS",
				"SUSPICIOUS_JUMP", "COMMENT_TRUNCATED", "UNKNOWN_COLUMN"));
		Set<String> outcomes = receipts.stream()
			.map(r -> r.get("status") + " " + r.get("reason"))
			.map(String::strip)
			.collect(Collectors.toSet());
		assertThat(outcomes).containsExactlyInAnyOrder("ACCEPTED", "QUARANTINED", "DUPLICATE_SUBMISSION",
				"REJECTED NOT_CSV", "REJECTED MISSING_COLUMN:value", "REJECTED EMPTY_FILE");
		for (Story story : Story.values()) {
			assertThat(receipts).as("a file of " + story).anyMatch(r -> r.get("case").equals(story.name()));
		}
		for (Map<String, String> r : receipts) {
			if (!r.get("rows_read").isEmpty()) {
				assertThat(Integer.parseInt(r.get("rows_accepted")) + Integer.parseInt(r.get("rows_rejected")))
					.isEqualTo(Integer.parseInt(r.get("rows_read")));
			}
		}

		// the file-level cases are what they claim to be
		Map<String, String> reasons = new HashMap<>();
		receipts.forEach(r -> reasons.put(r.get("file"), r.get("status") + " " + r.get("reason")));
		Map<String, Path> byName = new HashMap<>();
		names.forEach(n -> byName.put(n, SAMPLES.resolve("submissions").resolve(n)));
		assertThat(names).anyMatch(n -> reasons.get(n).equals("REJECTED EMPTY_FILE") && size(byName.get(n)) == 0);
		assertThat(names)
			.anyMatch(n -> reasons.get(n).equals("REJECTED NOT_CSV") && bytes(byName.get(n)).contains("\0"));
		for (String n : names) {
			if (reasons.get(n).startsWith("DUPLICATE_SUBMISSION")) {
				byte[] copy = Files.readAllBytes(byName.get(n));
				assertThat(names).as("the original of " + n)
					.anyMatch(o -> !o.equals(n) && o.compareTo(n) < 0 && Arrays.equals(readAll(byName.get(o)), copy));
			}
		}
	}

	@Test
	void theMessyFormsOfRealSpreadsheetsOccur() throws IOException {
		int bom = 0, crlf = 0, windows1252 = 0, nbsp1252 = 0, narrowNbsp = 0, multiline = 0, kiloEuros = 0, keur = 0;
		try (Stream<Path> files = Files.list(SAMPLES.resolve("submissions"))) {
			for (Path f : files.toList()) {
				byte[] b = Files.readAllBytes(f);
				String latin = new String(b, StandardCharsets.ISO_8859_1);
				bom += latin.startsWith("\u00EF\u00BB\u00BF") ? 1 : 0;
				crlf += latin.contains("\r\n") ? 1 : 0;
				boolean utf8 = !isWindows1252(b);
				windows1252 += utf8 ? 0 : 1;
				nbsp1252 += !utf8 && latin.matches("(?s).*\\d\u00A0\\d.*") ? 1 : 0;
				String text = utf8 ? new String(b, StandardCharsets.UTF_8) : "";
				narrowNbsp += text.contains("\u202F") ? 1 : 0;
				multiline += latin.matches("(?s).*\"[^\"\r\n]*\n[^\"]*\".*") ? 1 : 0;
				kiloEuros += latin.contains("k\u0080") || text.contains("k€") ? 1 : 0;
				keur += latin.contains("KEUR") ? 1 : 0;
			}
		}
		assertThat(List.of(bom, crlf, windows1252, nbsp1252, narrowNbsp, multiline, kiloEuros, keur))
			.allMatch(n -> n >= 3);
	}

	@Test
	void aBenchmarkFileHasExactlyTheRowsWithDistinctValidKeys() throws IOException {
		SampleGenerator.Summary summary = new SampleGenerator(new SampleGenerator.Options(42, 0, 2015, 2025, 1, 10_000))
			.generate(tmp, false);
		assertThat(summary.rows()).isEqualTo(10_000);
		Registry registry = Registry.load(tmp.resolve("registry.csv"), geo);
		Path file = tmp.resolve("submissions/benchmark_10000.csv");
		Set<String> keys = new HashSet<>();
		int rows = 0;
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
			for (NamedCsvRecord r : reader) {
				rows++;
				Pole pole = registry.find(r.getField("pole_id"));
				assertThat(pole).isNotNull();
				String period = r.getField("period");
				assertThat(period).matches("\\d{4}(-Q[1-4])?");
				assertThat(pole.isActive(Integer.parseInt(period.substring(0, 4)))).isTrue();
				Indicator indicator = catalogue.find(r.getField("indicator"));
				assertThat(indicator).isNotNull();
				assertThat(r.getField("unit")).isEqualTo(indicator.unit());
				double value = Double.parseDouble(r.getField("value"));
				assertThat(value).isBetween(indicator.min(), indicator.max());
				if (indicator.isInteger()) {
					assertThat(r.getField("value")).matches("\\d+");
				}
				assertThat(keys.add(r.getField("pole_id") + " " + period + " " + indicator.code())).isTrue();
			}
		}
		assertThat(rows).isEqualTo(10_000);
	}

	@Test
	void theCommandWritesSamplesAndAnswersUsageErrors() throws IOException {
		Path out = tmp.resolve("out");
		assertThat(run("generate-samples", "--out", out.toString(), "--poles", "20", "--years", "2022-2025")).isZero();
		assertThat(Registry.load(out.resolve("registry.csv"), geo).size()).isEqualTo(20);
		assertThat(run("generate-samples", "--out", out.toString(), "--poles", "20")).as("already generated")
			.isEqualTo(2);
		assertThat(run("generate-samples", "--out", out.toString(), "--poles", "25", "--force")).isZero();
		assertThat(Registry.load(out.resolve("registry.csv"), geo).size()).isEqualTo(25);
		assertThat(run("generate-samples", "--out", tmp.resolve("x").toString(), "--years", "2025-2015")).isEqualTo(2);
		assertThat(run("generate-samples", "--out", tmp.resolve("x").toString(), "--years", "2015")).isEqualTo(2);
		assertThat(run("generate-samples", "--out", tmp.resolve("x").toString(), "--poles", "10000")).isEqualTo(2);
		assertThat(run("generate-samples", "--out", tmp.resolve("x").toString(), "--rows", "10", "--scale", "2"))
			.isEqualTo(2);
		assertThat(run("generate-samples", "--out", tmp.resolve("x").toString(), "--rows", "100000000", "--poles", "1"))
			.isEqualTo(2);
		StringWriter help = new StringWriter();
		assertThat(ObservatoryCommand.execute(new PrintWriter(help), new PrintWriter(new StringWriter()),
				"generate-samples", "--help"))
			.isZero();
		assertThat(help.toString()).contains("--seed", "--poles", "--years", "--scale", "--rows", "--force");
	}

	private static int run(String... args) {
		return ObservatoryCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
				args);
	}

	private static boolean isWindows1252(byte[] b) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
			return false;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return true;
		}
	}

	private static Map<String, byte[]> files(Path dir) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
			}
		}
		return files;
	}

	private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
		assertThat(actual.keySet()).as("the files of " + what).isEqualTo(expected.keySet());
		List<String> different = new ArrayList<>();
		expected.forEach((name, bytes) -> {
			if (!Arrays.equals(bytes, actual.get(name))) {
				different.add(name);
			}
		});
		assertThat(different).as("files whose bytes differ in " + what).isEmpty();
	}

	private static List<Map<String, String>> read(Path file) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
			reader.forEach(r -> rows.add(r.getFieldsAsMap()));
		}
		return rows;
	}

	private static long size(Path p) {
		try {
			return Files.size(p);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(Path p) {
		try {
			return Files.readAllBytes(p);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String bytes(Path p) {
		return new String(readAll(p), StandardCharsets.ISO_8859_1);
	}

}
