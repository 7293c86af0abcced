package fr.ptce.observatory.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@link ObservationFile} cuts a column chunk into pages: at
 * {@link ObservationEncoder#PAGE_ROWS} rows, and for comments, the only column whose
 * values can be long, also once a page holds {@link ObservationEncoder#PAGE_BYTES} of
 * values. Read back page by page with parquet-java, and row by row with DuckDB.
 */
class ObservationFilePagesTest {

	private static final Provenance PROVENANCE = new Provenance(Instant.parse("2026-03-31T12:00:00Z"), "c".repeat(64),
			"r".repeat(64), "test-1.0");

	@TempDir
	Path dir;

	@Test
	void longCommentsSpanSeveralPagesAndTheOtherColumnsArePagedByRows() throws Exception {
		// given one row group of 30,000 rows: 3,000 with comments of about 1 KB (a few
		// null), then short ones
		ObservationCodes codes = new ObservationCodes(List.of("P1", "P2", "P3"), 2015, 2025,
				List.of("MEMBERS_TOTAL", "JOBS_FTE"), List.of("nombre", "ETP"));
		int file = codes.addFile("a".repeat(64), "comments.csv");
		int n = 30_000;
		ObservationBatch rows = new ObservationBatch(n);
		List<String> comments = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String comment = i % 7 == 3 ? null : i < 3000 ? "é".repeat(i % 50) + "x".repeat(1000) + " ligne " + i
					: i % 2 == 0 ? "court " + i : null;
			comments.add(comment);
			rows.add(i % 3, codes.period(2024, i % 5), i % 2, i, 'A', comment, file, 2 + i);
		}

		// when written
		Path path = dir.resolve("comments.parquet");
		try (ObservationFile out = ObservationFile.open(path, PROVENANCE, codes, 0, n)) {
			for (int i = 0; i < n; i++) {
				out.add(rows, i);
			}
			out.commit();
		}

		// then the comment chunk's pages end at 1 MB of values, and at 20,000 rows
		List<Integer> expected = expectedCommentPages(comments);
		assertThat(expected.size()).isGreaterThan(3);
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path))) {
			PageReadStore group = reader.readNextRowGroup();
			List<ColumnDescriptor> columns = Tables.OBSERVATION.schema().getColumns();
			assertThat(valueCounts(group, columns.get(ObservationLayout.COMMENT))).isEqualTo(expected);
			assertThat(valueCounts(group, columns.get(ObservationLayout.POLE_ID))).containsExactly(20_000, 10_000);
			assertThat(valueCounts(group, columns.get(ObservationLayout.VALUE))).containsExactly(20_000, 10_000);
		}

		// and every comment reads back whole, in its row
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st
					.executeQuery("SELECT line, comment FROM read_parquet('" + path + "') ORDER BY line")) {
			int i = 0;
			while (rs.next()) {
				assertThat(rs.getLong(1)).isEqualTo(2 + i);
				assertThat(rs.getString(2)).as("row %d", i).isEqualTo(comments.get(i));
				i++;
			}
			assertThat(i).isEqualTo(n);
		}
		assertThat(TableReaders.observations(path, 0)).extracting(Observation::comment).isEqualTo(comments);
	}

	/**
	 * The values per page the rule gives: a page ends with the row that brings its PLAIN
	 * values (4 bytes of length and the UTF-8 bytes per non-null comment) to
	 * {@code PAGE_BYTES} or more, or at {@code PAGE_ROWS} rows.
	 */
	private static List<Integer> expectedCommentPages(List<String> comments) {
		List<Integer> pages = new ArrayList<>();
		int from = 0;
		while (from < comments.size()) {
			int limit = Math.min(comments.size(), from + ObservationEncoder.PAGE_ROWS);
			int bytes = 0;
			int to = from;
			while (to < limit && bytes < ObservationEncoder.PAGE_BYTES) {
				String c = comments.get(to++);
				bytes += c == null ? 0 : 4 + c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			}
			pages.add(to - from);
			from = to;
		}
		return pages;
	}

	private static List<Integer> valueCounts(PageReadStore group, ColumnDescriptor column) {
		PageReader pages = group.getPageReader(column);
		List<Integer> counts = new ArrayList<>();
		for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
			counts.add(page.getValueCount());
		}
		return counts;
	}

}
