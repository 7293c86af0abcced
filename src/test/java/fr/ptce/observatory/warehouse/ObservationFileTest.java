package fr.ptce.observatory.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import fr.ptce.observatory.SoftwareVersion;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written observations writer against the reference, parquet-mr's record path
 * ({@link Tables#OBSERVATION}): DuckDB, as an independent reader, must find the same
 * rows, the same types, the provenance, ZSTD and min/max statistics it can prune with;
 * the project's own reader must decode the same records.
 */
class ObservationFileTest {

	private static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-03-31T12:00:00Z"), "c".repeat(64),
			"r".repeat(64), "test-1.0");

	private static final long INGESTED_AT = Timestamps.toMicros(Instant.parse("2026-04-01T08:30:15.123456Z"));

	private static final List<String> INDICATORS = List.of("MEMBERS_TOTAL", "JOBS_FTE", "BUDGET_TOTAL",
			"PUBLIC_FUNDING", "GOV_VOTERS", "ESS_MEMBERS", "REVENUE", "VOLUNTEERS");

	private static final List<String> UNITS = List.of("nombre", "ETP", "k€", "k€", "nombre", "nombre", "k€", "nombre");

	@TempDir
	Path dir;

	private Connection db;

	@BeforeEach
	void openDuckDb() throws SQLException {
		db = DriverManager.getConnection("jdbc:duckdb:");
	}

	@AfterEach
	void closeDuckDb() throws SQLException {
		db.close();
	}

	@Test
	void duckDbAndOurReaderFindTheSameRowsAsInTheReferenceFile() throws Exception {
		// given poles whose code order is not their byte order (shuffled, one with
		// accents), three files, and
		// rows with nulls (status M), quarters, comments with accents, line breaks and
		// one of 500 characters
		Random random = new Random(20261126L);
		List<String> poleIds = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			poleIds.add(String.format("P%04d", 7 * i + 3));
		}
		poleIds.add("PÔLE-É");
		poleIds.add("pole-z");
		Collections.shuffle(poleIds, random);
		ObservationCodes codes = new ObservationCodes(poleIds, 2015, 2025, INDICATORS, UNITS);
		int[] files = { codes.addFile("a".repeat(64), "pole-2024.csv"), codes.addFile("b".repeat(64), "Côte d'Or.csv"),
				codes.addFile("0123456789abcdef".repeat(4), "z-last.csv") };
		String[] comments = { "à vérifier", "ligne 1\nligne 2\r\nligne 3", "é".repeat(250) + "x".repeat(250),
				"\"quoted\", with; delimiters" };
		ObservationBatch rows = new ObservationBatch(5000);
		for (int i = 0; i < rows.capacity(); i++) {
			char status = "AAAAAAEPM".charAt(random.nextInt(9));
			double value = status == 'M' ? Double.NaN
					: random.nextBoolean() ? random.nextInt(100) : Math.round(random.nextDouble() * 1e7) / 2.0;
			String comment = random.nextInt(10) == 0 ? comments[random.nextInt(comments.length)] : null;
			rows.add(random.nextInt(poleIds.size()), codes.period(2015 + random.nextInt(11), random.nextInt(5)),
					random.nextInt(INDICATORS.size()), value, status, comment, files[i * 3 / rows.capacity()], 2 + i);
		}
		assertThat(comments[2]).hasSize(500);

		// when written by both writers, ours with row groups of 700 rows (the last one
		// partial)
		Path ours = writeOurs(dir.resolve("ours.parquet"), rows, codes, 700);
		Path reference = writeReference(dir.resolve("reference.parquet"), rows, codes);

		// then DuckDB reads the same rows with the same types
		assertSameRows(ours, reference, 5000);
		assertThat(describe(ours)).isEqualTo(describe(reference));
		assertThat(describe(ours)).containsExactly("pole_id VARCHAR", "period VARCHAR", "quarter INTEGER",
				"indicator VARCHAR", "value DOUBLE", "unit VARCHAR", "status VARCHAR", "comment VARCHAR",
				"submission_id VARCHAR", "source_file VARCHAR", "line BIGINT", "ingested_at TIMESTAMP WITH TIME ZONE");
		assertThat(queryInt("SELECT count(*) FROM read_parquet('" + ours + "') WHERE value IS NULL"))
			.isEqualTo(count(rows, i -> rows.status(i) == 'M'));
		assertThat(queryInt("SELECT count(*) FROM read_parquet('" + ours + "') WHERE comment LIKE 'ligne 1%ligne 3'"))
			.isEqualTo(count(rows, i -> comments[1].equals(rows.comment(i))));
		assertThat(queryString("SELECT max(length(comment)) FROM read_parquet('" + ours + "')")).isEqualTo("500");

		// and filters that prune with the statistics select the same rows in both files
		for (String where : List.of("pole_id = '" + poleIds.get(0) + "'", "pole_id = 'PÔLE-É'",
				"pole_id >= 'P1000' AND pole_id < 'P1100'", "period = '2024-Q3'", "period = '2019'", "quarter = 2",
				"quarter IS NULL", "indicator = 'JOBS_FTE'", "value > 1000000", "value BETWEEN 10 AND 20",
				"line BETWEEN 1000 AND 1010", "unit = 'k€'", "status = 'M'", "source_file = 'Côte d''Or.csv'",
				"epoch_us(ingested_at) = " + INGESTED_AT)) {
			assertThat(queryInt("SELECT count(*) FROM read_parquet('" + ours + "') WHERE " + where)).as(where)
				.isEqualTo(queryInt("SELECT count(*) FROM read_parquet('" + reference + "') WHERE " + where))
				.isPositive();
		}

		// and the provenance, ZSTD and the statistics of each row group are in the footer
		assertThat(keyValueMetadata(ours)).containsAllEntriesOf(PROVENANCE.keyValueMetadata())
			.isEqualTo(keyValueMetadata(reference));
		assertThat(ParquetScan.keyValueMetadata(ours)).containsAllEntriesOf(PROVENANCE.keyValueMetadata());
		assertThat(queryInt("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + ours + "')")).isEqualTo(8);
		assertThat(queryStrings("SELECT DISTINCT compression FROM parquet_metadata('" + ours + "')"))
			.containsExactly("ZSTD");
		for (int group = 0; group < 8; group++) {
			int from = group * 700;
			int to = Math.min(5000, from + 700);
			String min = null;
			String max = null;
			long minLine = Long.MAX_VALUE;
			long maxLine = Long.MIN_VALUE;
			for (int i = from; i < to; i++) {
				String pole = poleIds.get(rows.pole(i));
				min = min == null || unsignedCompare(pole, min) < 0 ? pole : min;
				max = max == null || unsignedCompare(pole, max) > 0 ? pole : max;
				minLine = Math.min(minLine, rows.line(i));
				maxLine = Math.max(maxLine, rows.line(i));
			}
			assertThat(statistics(ours, group, "pole_id")).containsExactly(min, max, "0");
			assertThat(statistics(ours, group, "line")).containsExactly(Long.toString(minLine), Long.toString(maxLine),
					"0");
			assertThat(statistics(ours, group, "value").get(2))
				.isEqualTo(Long.toString(count(rows, from, to, i -> Double.isNaN(rows.value(i)))));
			assertThat(statistics(ours, group, "ingested_at").get(2)).isEqualTo("0");
		}
		assertThat(max(rows, poleIds)).isEqualTo("pole-z");

		// and the project's own reader decodes the same records as from the reference
		// file
		List<Observation> expected = observations(rows, codes);
		assertThat(TableReaders.observations(ours, 0)).isEqualTo(expected);
		assertThat(TableReaders.observations(reference, 0)).isEqualTo(expected);
	}

	@Test
	void theTargetIsInvisibleBeforeCommitAndCloseWithoutCommitLeavesNoFile() throws Exception {
		ObservationCodes codes = codes(List.of("P1", "P2"));
		ObservationBatch rows = rows(codes, 2500, 2, 0);
		Path target = dir.resolve("observations/year=2024/part-1.parquet");
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, 1000)) {
			for (int i = 0; i < rows.size(); i++) {
				file.add(rows, i);
			}
			// two row groups are already written to the hidden temporary file
			assertThat(file.rows()).isEqualTo(2500);
			assertThat(target).doesNotExist();
			assertThat(list(target.getParent())).singleElement()
				.satisfies(p -> assertThat(p.getFileName().toString()).startsWith(".part-1.parquet.tmp-"));
			assertThat(ParquetScan.files(target.getParent())).isEmpty();
			assertThat(queryInt("SELECT count(*) FROM glob('" + target.getParent() + "/*.parquet')")).isZero();
		}
		assertThat(list(target.getParent())).isEmpty();

		// an error half-way (a file code never added) leaves nothing either
		ObservationBatch bad = new ObservationBatch(1);
		bad.add(0, codes.period(2024, 0), 0, 1, 'A', null, 7, 2);
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, 1)) {
			assertThatThrownBy(() -> file.add(bad, 0)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("unknown submission_id code 7");
		}
		assertThat(list(target.getParent())).isEmpty();
	}

	@Test
	void commitMakesTheFileVisibleAndCloseAfterCommitKeepsIt() throws Exception {
		ObservationCodes codes = codes(List.of("P1", "P2"));
		ObservationBatch rows = rows(codes, 10, 2, 0);
		Path target = dir.resolve("part-1.parquet");
		Path staged = dir.resolve("staging/part-1.parquet");
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, 4)) {
			for (int i = 0; i < rows.size(); i++) {
				file.add(rows, i);
			}
			file.commitTo(staged);
			assertThatThrownBy(() -> file.add(rows, 0)).isInstanceOf(IllegalStateException.class);
		}
		assertThat(target).doesNotExist();
		assertThat(list(staged.getParent())).containsExactly(staged);
		assertThat(TableReaders.observations(staged, 0)).isEqualTo(observations(rows, codes));
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, 4)) {
			file.add(rows, 0);
			file.commit();
		}
		assertThat(TableReaders.observations(target, 0)).isEqualTo(observations(rows, codes).subList(0, 1));
		assertThat(list(dir)).containsExactlyInAnyOrder(target, staged.getParent());
	}

	@Test
	void anEmptyFileIsAValidParquetFileOfZeroRows() throws Exception {
		ObservationCodes codes = codes(List.of("P1"));
		ObservationBatch none = new ObservationBatch(1);
		Path ours = writeOurs(dir.resolve("empty.parquet"), none, codes, 100);
		Path reference = writeReference(dir.resolve("reference.parquet"), none, codes);
		assertThat(queryInt("SELECT count(*) FROM read_parquet('" + ours + "')")).isZero();
		assertThat(describe(ours)).isEqualTo(describe(reference));
		assertThat(keyValueMetadata(ours)).containsAllEntriesOf(PROVENANCE.keyValueMetadata())
			.isEqualTo(keyValueMetadata(reference));
		assertThat(TableReaders.observations(ours, 0)).isEmpty();
	}

	@Test
	void aSingleRow() throws Exception {
		ObservationCodes codes = codes(List.of("P1", "P2", "P3"));
		ObservationBatch rows = new ObservationBatch(1);
		rows.add(2, codes.period(2024, 3), 1, 42.5, 'E', "seule ligne", 0, 7);
		assertSameAsReference(rows, codes, 1);
	}

	@Test
	void aRowGroupWithOneDistinctCodePerColumnHasIdsOfBitWidthZero() throws Exception {
		ObservationCodes codes = codes(List.of("P1", "P2", "P3"));
		ObservationBatch rows = new ObservationBatch(30_000);
		for (int i = 0; i < rows.capacity(); i++) {
			rows.add(1, codes.period(2023, 0), 4, 10, 'A', null, 0, 2 + i);
		}
		// 30,000 rows: two pages per column (20,000 rows at most each), all in one row
		// group
		Path ours = assertSameAsReference(rows, codes, 30_000);
		assertThat(queryInt("SELECT count(*) FROM parquet_metadata('" + ours + "') WHERE path_in_schema = 'pole_id'"
				+ " AND encodings LIKE '%PLAIN_DICTIONARY%'"))
			.isEqualTo(1);
	}

	@Test
	void moreThan256AndMoreThan65536DistinctPolesInARowGroup() throws Exception {
		List<String> poleIds = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			poleIds.add(Integer.toString(i * 7919 % 70_000, 36));
		}
		ObservationCodes codes = codes(poleIds);
		// 400 distinct poles: ids of 9 bits
		ObservationBatch rows = new ObservationBatch(1200);
		for (int i = 0; i < rows.capacity(); i++) {
			rows.add(i % 400, codes.period(2020, i % 5), i % 8, i, 'A', null, 0, i);
		}
		assertSameAsReference(rows, codes, 1200);
		// 70,000 distinct poles: ids of 17 bits; in sorted runs, then in a scattered
		// order
		ObservationBatch many = new ObservationBatch(140_000);
		for (int i = 0; i < many.capacity(); i++) {
			int pole = i < 70_000 ? i : (int) ((i * 48271L) % 70_000);
			many.add(pole, codes.period(2021, i % 5), i % 8, i * 0.5, 'A', null, 0, i);
		}
		assertSameAsReference(many, codes, 140_000);
	}

	@Test
	void doublesAreStoredBitForBit() throws Exception {
		ObservationCodes codes = codes(List.of("P1"));
		double[] values = { -0.0, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300,
				12345.5, 10, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
		ObservationBatch rows = new ObservationBatch(values.length);
		for (int i = 0; i < values.length; i++) {
			rows.add(0, codes.period(2024, 0), i % INDICATORS.size(), values[i], 'A', null, 0, i);
		}
		Path ours = assertSameAsReference(rows, codes, 4);
		List<Observation> read = TableReaders.observations(ours, 0);
		for (int i = 0; i < values.length; i++) {
			assertThat(Double.doubleToRawLongBits(read.get(i).value()))
				.isEqualTo(Double.doubleToRawLongBits(values[i]));
		}
		// a page of only -0.0 and 0.0: min -0.0, max +0.0, as parquet-mr normalises them
		ObservationBatch zeros = new ObservationBatch(2);
		zeros.add(0, codes.period(2024, 0), 0, 0.0, 'A', null, 0, 1);
		zeros.add(0, codes.period(2024, 0), 0, -0.0, 'A', null, 0, 2);
		Path zeroFile = assertSameAsReference(zeros, codes, 2);
		assertThat(statistics(zeroFile, 0, "value")).containsExactly("-0.0", "0.0", "0");
		assertThat(queryInt("SELECT count(*) FROM read_parquet('" + zeroFile + "') WHERE value = 0")).isEqualTo(2);
	}

	@Test
	void filesAddedWhileAnotherThreadWritesAreSeenWhole() throws Exception {
		ObservationCodes codes = new ObservationCodes(List.of("P1"), 2015, 2025, INDICATORS, UNITS);
		ObservationBatch rows = new ObservationBatch(1);
		Path target = dir.resolve("growing.parquet");
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, 50)) {
			Thread adder = new Thread(() -> {
				for (int i = 0; i < 5000; i++) {
					codes.addFile(Integer.toString(i), "file-" + i + ".csv");
				}
			});
			adder.start();
			int written = 0;
			while (adder.isAlive() || written < codes.fileCount()) {
				int count = codes.fileCount();
				if (written < count) {
					rows.clear();
					rows.add(0, codes.period(2024, 0), 0, written, 'A', null, count - 1, written);
					file.add(rows, 0);
					written++;
				}
			}
			adder.join();
			file.commit();
		}
		List<Observation> read = TableReaders.observations(target, 0);
		for (Observation o : read) {
			int fileIndex = Integer.parseInt(o.submissionId());
			assertThat(o.sourceFile()).isEqualTo("file-" + fileIndex + ".csv");
		}
		assertThat(read).isNotEmpty();
	}

	@Test
	void parquetMrReadsTheFooterBackAsTheLayoutOfTablesObservation() throws Exception {
		// given rows of 300 poles over 5 row groups, the last one partial
		Random random = new Random(11);
		List<String> poleIds = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			poleIds.add(String.format("P%04d", 7 * i + 3));
		}
		poleIds.add("PÔLE-É");
		Collections.shuffle(poleIds, random);
		ObservationCodes codes = codes(poleIds);
		ObservationBatch rows = randomRows(codes, poleIds.size(), 4500, random);
		Path file = writeOurs(dir.resolve("footer.parquet"), rows, codes, 1000);

		// when parquet-mr's own reader opens it
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			ParquetMetadata footer = reader.getFooter();

			// then it finds the layout parquet-mr writes, column orders included, the
			// provenance and the rows
			assertThat(footer.getFileMetaData().getSchema()).isEqualTo(Tables.OBSERVATION.schema());
			assertThat(footer.getFileMetaData().getKeyValueMetaData())
				.containsAllEntriesOf(PROVENANCE.keyValueMetadata())
				.containsEntry("writer.model.name", "observatory");
			// and it names its writer: this program, in the form readers parse, so that
			// no workaround for old
			// parquet-mr releases applies to it
			assertThat(footer.getFileMetaData().getCreatedBy())
				.isEqualTo("observatory version " + SoftwareVersion.get());
			assertThat(VersionParser.parse(footer.getFileMetaData().getCreatedBy()).application)
				.isEqualTo("observatory");
			assertThat(reader.getRecordCount()).isEqualTo(4500);
			List<BlockMetaData> groups = footer.getBlocks();
			assertThat(groups).extracting(BlockMetaData::getRowCount).containsExactly(1000L, 1000L, 1000L, 1000L, 500L);

			// and the statistics of each row group, which it trusts: min and max of
			// pole_id and line
			for (int g = 0; g < groups.size(); g++) {
				BlockMetaData group = groups.get(g);
				int from = g * 1000;
				int to = from + (int) group.getRowCount();
				List<String> poles = new ArrayList<>();
				for (int i = from; i < to; i++) {
					poles.add(poleIds.get(rows.pole(i)));
				}
				poles.sort(ObservationFileTest::unsignedCompare);
				Statistics<?> pole = column(group, "pole_id").getStatistics();
				assertThat(pole.hasNonNullValue()).isTrue();
				assertThat(((Binary) pole.genericGetMin()).toStringUsingUTF8()).isEqualTo(poles.get(0));
				assertThat(((Binary) pole.genericGetMax()).toStringUsingUTF8()).isEqualTo(poles.get(poles.size() - 1));
				assertThat(pole.getNumNulls()).isZero();
				Statistics<?> line = column(group, "line").getStatistics();
				assertThat(line.genericGetMin()).isEqualTo(rows.line(from));
				assertThat(line.genericGetMax()).isEqualTo(rows.line(to - 1));
				assertThat(column(group, "value").getStatistics().getNumNulls())
					.isEqualTo(count(rows, from, to, i -> Double.isNaN(rows.value(i))));
				// no column index: readers skip pages within a row group only when they
				// find one; an offset index
				// (where each page is), which ParquetFileWriter writes
				assertThat(reader.readColumnIndex(column(group, "pole_id"))).isNull();
				assertThat(reader.readOffsetIndex(column(group, "pole_id")).getPageCount()).isEqualTo(1);
			}

			// and it prunes row groups with those statistics
			String pole = poleIds.get(rows.pole(0));
			assertThat(rowGroupsKept(file, FilterApi.eq(FilterApi.binaryColumn("pole_id"), Binary.fromString(pole))))
				.isEqualTo(count(groups, g -> {
					Statistics<?> s = column(g, "pole_id").getStatistics();
					return unsignedCompare(((Binary) s.genericGetMin()).toStringUsingUTF8(), pole) <= 0
							&& unsignedCompare(((Binary) s.genericGetMax()).toStringUsingUTF8(), pole) >= 0;
				}))
				.isPositive();
			assertThat(rowGroupsKept(file, FilterApi.and(FilterApi.gtEq(FilterApi.longColumn("line"), 2500L),
					FilterApi.lt(FilterApi.longColumn("line"), 2510L))))
				.isEqualTo(1);
		}

		// and the project's readers read the same rows
		assertThat(TableReaders.observations(file, 0)).isEqualTo(observations(rows, codes));
		long[] scanned = new long[1];
		ParquetScan.scan(file, group -> {
			ParquetScan.Column line = group.column("line");
			for (long r = 0; r < group.rows(); r++) {
				assertThat(line.int64()).isEqualTo(rows.line((int) scanned[0]));
				line.next();
				scanned[0]++;
			}
		});
		assertThat(scanned[0]).isEqualTo(4500);
	}

	@Test
	void theFooterSizesAndOffsetsAreThoseOfThePagesAndItsStatisticsParquetMrs() throws Exception {
		// given the same rows written by ours, in one row group, and by the reference
		// writer
		Random random = new Random(5);
		List<String> poleIds = List.of("P1", "P2", "Pé", "P0");
		ObservationCodes codes = codes(poleIds);
		ObservationBatch rows = randomRows(codes, poleIds.size(), 3000, random);
		Path ours = writeOurs(dir.resolve("ours.parquet"), rows, codes, 5000);
		Path reference = writeReference(dir.resolve("reference.parquet"), rows, codes);
		byte[] bytes = Files.readAllBytes(ours);
		org.apache.parquet.format.FileMetaData footer = footer(bytes);
		org.apache.parquet.format.FileMetaData referenceFooter = footer(Files.readAllBytes(reference));

		// then the footer is the reference's where the writers agree: schema, orders,
		// metadata, row count
		assertThat(footer.getSchema()).isEqualTo(referenceFooter.getSchema());
		assertThat(footer.getColumn_orders()).isEqualTo(referenceFooter.getColumn_orders());
		// (in any order: the reference writer's goes through a HashMap)
		assertThat(footer.getKey_value_metadata())
			.containsExactlyInAnyOrderElementsOf(referenceFooter.getKey_value_metadata());
		assertThat(footer.getCreated_by()).isEqualTo("observatory version " + SoftwareVersion.get());
		assertThat(referenceFooter.getCreated_by()).startsWith("parquet-mr version ");
		assertThat(footer.getVersion()).isEqualTo(1);
		assertThat(footer.getNum_rows()).isEqualTo(3000);
		RowGroup group = footer.getRow_groups().get(0);
		RowGroup referenceGroup = referenceFooter.getRow_groups().get(0);
		int compared = 0;
		for (int c = 0; c < 12; c++) {
			ColumnMetaData meta = group.getColumns().get(c).getMeta_data();
			ColumnMetaData referenceMeta = referenceGroup.getColumns().get(c).getMeta_data();
			assertThat(meta.getPath_in_schema()).isEqualTo(referenceMeta.getPath_in_schema());
			assertThat(meta.getType()).isEqualTo(referenceMeta.getType());
			assertThat(meta.getCodec()).isEqualTo(referenceMeta.getCodec());
			assertThat(meta.getNum_values()).isEqualTo(referenceMeta.getNum_values());
			// and the row group statistics too, field for field (the reference leaves out
			// unit's and status's)
			if (referenceMeta.isSetStatistics()) {
				assertThat(meta.getStatistics()).as("%s", meta.getPath_in_schema())
					.isEqualTo(referenceMeta.getStatistics());
				compared++;
			}
		}
		assertThat(compared).isEqualTo(7);
		// the rows' smallest value is +0.0 (there is no -0.0): it stays +0.0 in IEEE 754
		// total order
		assertThat(group.getColumns().get(4).getMeta_data().getStatistics().getMin_value()).containsExactly(0, 0, 0, 0,
				0, 0, 0, 0);

		// and every size and offset is what the pages say, headers included, as the spec
		// defines them
		long position = 4;
		long uncompressedGroup = 0;
		long compressedGroup = 0;
		for (ColumnChunk chunk : group.getColumns()) {
			ColumnMetaData meta = chunk.getMeta_data();
			assertThat(chunk.getFile_offset()).isZero();
			long start = meta.isSetDictionary_page_offset() ? meta.getDictionary_page_offset()
					: meta.getData_page_offset();
			assertThat(start).as("%s starts where the previous chunk ends", meta.getPath_in_schema())
				.isEqualTo(position);
			long uncompressed = 0;
			long values = 0;
			int dictionaryPages = 0;
			boolean firstDataPage = true;
			while (position < start + meta.getTotal_compressed_size()) {
				ByteArrayInputStream in = new ByteArrayInputStream(bytes, (int) position,
						bytes.length - (int) position);
				PageHeader header = Util.readPageHeader(in);
				int headerSize = bytes.length - (int) position - in.available();
				java.util.zip.CRC32 crc = new java.util.zip.CRC32();
				crc.update(bytes, (int) position + headerSize, header.getCompressed_page_size());
				assertThat(header.getCrc()).isEqualTo((int) crc.getValue());
				if (header.getType() == PageType.DICTIONARY_PAGE) {
					assertThat(position).isEqualTo(meta.getDictionary_page_offset());
					dictionaryPages++;
				}
				else {
					if (firstDataPage) {
						assertThat(position).isEqualTo(meta.getData_page_offset());
						firstDataPage = false;
					}
					values += header.getData_page_header().getNum_values();
				}
				uncompressed += headerSize + header.getUncompressed_page_size();
				position += headerSize + header.getCompressed_page_size();
			}
			assertThat(position).isEqualTo(start + meta.getTotal_compressed_size());
			assertThat(uncompressed).isEqualTo(meta.getTotal_uncompressed_size());
			assertThat(values).isEqualTo(meta.getNum_values()).isEqualTo(3000);
			assertThat(dictionaryPages).isEqualTo(meta.isSetDictionary_page_offset() ? 1 : 0);
			uncompressedGroup += uncompressed;
			compressedGroup += meta.getTotal_compressed_size();
		}
		assertThat(group.getFile_offset()).isEqualTo(4);
		assertThat(group.getTotal_byte_size()).isEqualTo(uncompressedGroup);
		assertThat(group.getTotal_compressed_size()).isEqualTo(compressedGroup);
		// the offset indexes (page locations) follow the last chunk, and the footer
		// follows them
		for (ColumnChunk chunk : group.getColumns()) {
			assertThat(chunk.isSetColumn_index_offset()).isFalse();
			assertThat(chunk.getOffset_index_offset()).isEqualTo(position);
			position += chunk.getOffset_index_length();
		}
		assertThat(bytes.length - 8 - footerLength(bytes)).isEqualTo(position);
	}

	@Test
	void theHybridEncoderDecodesBackWithParquetMrsDecoder() throws IOException {
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			int bitWidth = round % 21;
			int n = 1 + random.nextInt(3000);
			int[] values = new int[n + 10];
			int i = 5;
			while (i < n + 5) {
				int run = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(3);
				int v = bitWidth == 0 ? 0 : random.nextInt(1 << bitWidth);
				for (int k = 0; k < run && i < n + 5; k++) {
					values[i++] = v;
				}
			}
			PageBuffer out = new PageBuffer(16);
			out.write(0xAB);
			HybridEncoder.encode(values, 5, n + 5, bitWidth, out);
			RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
					new ByteArrayInputStream(out.bytes, 1, out.size - 1));
			for (int k = 5; k < n + 5; k++) {
				assertThat(decoder.readInt()).as("round %d value %d", round, k).isEqualTo(values[k]);
			}
		}
	}

	private Path assertSameAsReference(ObservationBatch rows, ObservationCodes codes, int rowGroupRows)
			throws Exception {
		String name = "ours-" + rows.size() + "-" + rowGroupRows;
		Path ours = writeOurs(dir.resolve(name + ".parquet"), rows, codes, rowGroupRows);
		Path reference = writeReference(dir.resolve(name + "-reference.parquet"), rows, codes);
		assertSameRows(ours, reference, rows.size());
		assertThat(describe(ours)).isEqualTo(describe(reference));
		assertThat(TableReaders.observations(ours, 0)).isEqualTo(observations(rows, codes));
		return ours;
	}

	/**
	 * Rows of random poles, periods, indicators, statuses (nulls for M) and a few
	 * comments; lines 2, 3...
	 */
	private static ObservationBatch randomRows(ObservationCodes codes, int poles, int n, Random random) {
		ObservationBatch rows = new ObservationBatch(n + 1);
		for (int i = 0; i < n; i++) {
			char status = "AAAAAAEPM".charAt(random.nextInt(9));
			double value = status == 'M' ? Double.NaN : random.nextInt(3) == 0 ? 0.0 : random.nextInt(100_000) / 4.0;
			rows.add(random.nextInt(poles), codes.period(2015 + random.nextInt(11), random.nextInt(5)),
					random.nextInt(INDICATORS.size()), value, status, random.nextInt(20) == 0 ? "à voir" : null, 0,
					2 + i);
		}
		return rows;
	}

	private static ColumnChunkMetaData column(BlockMetaData group, String name) {
		return group.getColumns()
			.stream()
			.filter(c -> c.getPath().toDotString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/** Row groups parquet-mr keeps for a filter with their statistics alone. */
	private static int rowGroupsKept(Path file, FilterPredicate predicate) throws IOException {
		ParquetReadOptions options = ParquetReadOptions.builder()
			.withRecordFilter(FilterCompat.get(predicate))
			.useStatsFilter(true)
			.useDictionaryFilter(false)
			.useColumnIndexFilter(false)
			.useBloomFilter(false)
			.build();
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
			return reader.getRowGroups().size();
		}
	}

	private static <T> long count(List<T> list, java.util.function.Predicate<T> predicate) {
		return list.stream().filter(predicate).count();
	}

	private static int footerLength(byte[] file) {
		int n = file.length;
		return (file[n - 8] & 0xff) | (file[n - 7] & 0xff) << 8 | (file[n - 6] & 0xff) << 16
				| (file[n - 5] & 0xff) << 24;
	}

	/** The thrift footer as it is in the file, read with parquet-format alone. */
	private static org.apache.parquet.format.FileMetaData footer(byte[] file) throws IOException {
		assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
		assertThat(new String(file, file.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
		int length = footerLength(file);
		return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
	}

	private static Path writeOurs(Path target, ObservationBatch rows, ObservationCodes codes, int rowGroupRows) {
		try (ObservationFile file = ObservationFile.open(target, PROVENANCE, codes, INGESTED_AT, rowGroupRows)) {
			for (int i = 0; i < rows.size(); i++) {
				file.add(rows, i);
			}
			assertThat(file.rows()).isEqualTo(rows.size());
			file.commit();
		}
		return target;
	}

	private static Path writeReference(Path target, ObservationBatch rows, ObservationCodes codes) {
		Tables.OBSERVATION.writeFile(target, PROVENANCE, observations(rows, codes));
		return target;
	}

	/**
	 * The records the rows stand for; year 0 as
	 * {@code TableReaders.observations(file, 0)} reads them.
	 */
	private static List<Observation> observations(ObservationBatch rows, ObservationCodes codes) {
		List<Observation> list = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			int quarter = codes.quarter(rows.period(i));
			double value = rows.value(i);
			list.add(new Observation(0, codes.poleId(rows.pole(i)), codes.periodCode(rows.period(i)),
					quarter == 0 ? null : quarter, codes.indicatorCode(rows.indicator(i)),
					Double.isNaN(value) ? null : value, codes.unit(rows.indicator(i)), String.valueOf(rows.status(i)),
					rows.comment(i), codes.submissionId(rows.file(i)), codes.sourceFile(rows.file(i)), rows.line(i),
					INGESTED_AT));
		}
		return list;
	}

	private static ObservationCodes codes(List<String> poleIds) {
		ObservationCodes codes = new ObservationCodes(poleIds, 2015, 2025, INDICATORS, UNITS);
		codes.addFile("f".repeat(64), "only.csv");
		return codes;
	}

	private static ObservationBatch rows(ObservationCodes codes, int n, int poles, int file) {
		ObservationBatch rows = new ObservationBatch(n);
		for (int i = 0; i < n; i++) {
			rows.add(i % poles, codes.period(2024, i % 5), i % INDICATORS.size(), i, 'A', null, file, i);
		}
		return rows;
	}

	private void assertSameRows(Path ours, Path reference, int rows) throws SQLException {
		String a = "read_parquet('" + ours + "')";
		String b = "read_parquet('" + reference + "')";
		assertThat(queryInt("SELECT count(*) FROM " + a)).isEqualTo(rows);
		assertThat(queryInt("SELECT count(*) FROM " + b)).isEqualTo(rows);
		assertThat(queryInt("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ")"))
			.isZero();
		assertThat(queryInt("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ")"))
			.isZero();
	}

	private List<String> describe(Path file) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
			while (rs.next()) {
				columns.add(rs.getString("column_name") + " " + rs.getString("column_type"));
			}
		}
		return columns;
	}

	private Map<String, String> keyValueMetadata(Path file) throws SQLException {
		Map<String, String> kv = new LinkedHashMap<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "')")) {
			while (rs.next()) {
				kv.put(rs.getString(1), rs.getString(2));
			}
		}
		return kv;
	}

	/**
	 * min, max and null count of a column chunk, as DuckDB reads them from the footer.
	 */
	private List<String> statistics(Path file, int rowGroup, String column) throws SQLException {
		try (PreparedStatement st = db.prepareStatement("SELECT stats_min_value, stats_max_value, stats_null_count"
				+ " FROM parquet_metadata('" + file + "') WHERE row_group_id = ? AND path_in_schema = ?")) {
			st.setInt(1, rowGroup);
			st.setString(2, column);
			try (ResultSet rs = st.executeQuery()) {
				assertThat(rs.next()).as("column %s of row group %d", column, rowGroup).isTrue();
				return Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3));
			}
		}
	}

	private long queryInt(String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private String queryString(String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private List<String> queryStrings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static long count(ObservationBatch rows, java.util.function.IntPredicate predicate) {
		return count(rows, 0, rows.size(), predicate);
	}

	private static long count(ObservationBatch rows, int from, int to, java.util.function.IntPredicate predicate) {
		long n = 0;
		for (int i = from; i < to; i++) {
			if (predicate.test(i)) {
				n++;
			}
		}
		return n;
	}

	private static String max(ObservationBatch rows, List<String> poleIds) {
		String max = null;
		for (int i = 0; i < rows.size(); i++) {
			String pole = poleIds.get(rows.pole(i));
			max = max == null || unsignedCompare(pole, max) > 0 ? pole : max;
		}
		return max;
	}

	private static int unsignedCompare(String a, String b) {
		return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

	private static List<Path> list(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.sorted().toList();
		}
	}

}
