package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * Writes the workbook of the fixture's ten years of aggregates, reads it back with POI
 * and compares it with the aggregates as DuckDB (an independent Parquet reader) reads
 * them: every cell of the data sheet, its types, its empty secrets; the sheets per level;
 * the README; frozen headers, filters and widths.
 */
class XlsxTablesTest {

	static final int YEAR = PublicationFixture.YEAR;

	static final List<String> MEASURES = List.of("n_expected", "n_respondents", "n_imputed", "response_rate", "total",
			"mean", "median", "p25", "p75", "density", "yoy_pct", "yoy_constant_pct", "ma3");

	@TempDir
	static Path root;

	static DataDirectory dir;

	static XSSFWorkbook book;

	static PublicationContent content = new PublicationContent(PublicationFixture.CATALOGUE, PublicationFixture.GEO);

	@BeforeAll
	static void write() throws Exception {
		dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		Path target = root.resolve("tableaux.xlsx");
		XlsxTables.write(dir, PublicationData.load(dir, YEAR), content, PublicationFixture.GEO,
				new PublicationContent.Provenance(PublicationFixture.AS_OF, PublicationFixture.CATALOGUE.sha256(),
						registry.sha256(), "test"),
				PublicationContent.FICTIONAL, target);
		try (InputStream in = Files.newInputStream(target)) {
			book = new XSSFWorkbook(in);
		}
	}

	@AfterAll
	static void close() throws Exception {
		book.close();
	}

	@Test
	void everyCellOfTheDataSheetIsTheWarehouseValueAsANumber() throws Exception {
		Sheet data = book.getSheet("donnees");
		List<String> expectedHeader = new ArrayList<>(List.of("year", "indicator", "level", "area", "area_name"));
		expectedHeader.addAll(MEASURES);
		expectedHeader.addAll(List.of("conf_status", "unit"));
		assertThat(strings(data.getRow(0))).isEqualTo(expectedHeader);
		String glob = dir.table("aggregates").resolve("*").resolve("*.parquet").toString();
		int r = 1;
		int confidential = 0;
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
				Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT year, indicator, level, area, " + String.join(", ", MEASURES)
						+ ", conf_status FROM read_parquet('" + glob + "', hive_partitioning = true) "
						+ "ORDER BY year, indicator, level, area")) {
			while (rs.next()) {
				Row row = data.getRow(r++);
				String where = "row " + (r - 1) + " " + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4);
				assertThat(row.getCell(0).getCellType()).as(where).isEqualTo(CellType.NUMERIC);
				assertThat(row.getCell(0).getNumericCellValue()).as(where).isEqualTo(rs.getInt(1));
				assertThat(row.getCell(1).getStringCellValue()).as(where).isEqualTo(rs.getString(2));
				assertThat(row.getCell(2).getStringCellValue()).as(where).isEqualTo(rs.getString(3));
				assertThat(row.getCell(3).getStringCellValue()).as(where).isEqualTo(rs.getString(4));
				String status = rs.getString(5 + MEASURES.size());
				for (int m = 0; m < MEASURES.size(); m++) {
					Cell cell = row.getCell(5 + m);
					double v = rs.getDouble(5 + m);
					if (rs.wasNull()) {
						assertThat(cell == null || cell.getCellType() == CellType.BLANK)
							.as(where + " " + MEASURES.get(m))
							.isTrue();
					}
					else {
						assertThat(cell.getCellType()).as(where + " " + MEASURES.get(m)).isEqualTo(CellType.NUMERIC);
						assertThat(cell.getNumericCellValue()).as(where + " " + MEASURES.get(m)).isEqualTo(v);
						assertThat(cell.getCellStyle().getDataFormatString()).as(where).isNotEqualTo("General");
					}
				}
				assertThat(row.getCell(5 + MEASURES.size()).getStringCellValue()).as(where).isEqualTo(status);
				if (!status.equals("F")) {
					confidential++;
					// the measures a secret hides are empty cells, as the warehouse has
					// them null
					for (String hidden : List.of("total", "mean", "median", "p25", "p75", "yoy_pct", "ma3")) {
						Cell cell = row.getCell(5 + MEASURES.indexOf(hidden));
						assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(where + " " + hidden)
							.isTrue();
					}
				}
			}
		}
		assertThat(r - 1).as("every cell of the ten years").isEqualTo(data.getLastRowNum()).isGreaterThan(20_000);
		assertThat(confidential).isGreaterThan(1_000);
	}

	@Test
	void namesUnitsAndFrenchNumberFormats() {
		Sheet data = book.getSheet("donnees");
		Row turnover = find(data, 2025, "TURNOVER", "region", "84");
		assertThat(turnover.getCell(4).getStringCellValue()).isEqualTo("Auvergne-Rhône-Alpes");
		assertThat(turnover.getCell(19).getStringCellValue()).isEqualTo("EUR");
		assertThat(format(turnover, "total")).isEqualTo("#,##0\"\u00A0€\"");
		assertThat(format(turnover, "response_rate")).isEqualTo("0.0\"\u00A0\"%");
		assertThat(format(turnover, "yoy_pct")).isEqualTo("+0.0\"\u00A0%\";\"\u2212\"0.0\"\u00A0%\";0.0\"\u00A0%\"");
		assertThat(format(turnover, "n_expected")).isEqualTo("#,##0");
		Row share = find(data, 2025, "ESS_SHARE", "theme", "CULTURE");
		assertThat(share.getCell(4).getStringCellValue()).isEqualTo("Culture");
		assertThat(share.getCell(19).getStringCellValue()).isEqualTo("%");
		assertThat(format(share, "yoy_pct")).contains("pt");
		Row jobs = find(data, 2025, "JOBS_FTE", "departement", "01");
		assertThat(jobs.getCell(4).getStringCellValue()).isEqualTo("Ain");
		assertThat(format(jobs, "total")).isEqualTo("#,##0.0");
		// a French reader's spreadsheet shows the figure in French: POI's formatter in
		// the French locale
		DataFormatter french = new DataFormatter(java.util.Locale.FRANCE);
		String shown = french.formatCellValue(turnover.getCell(5 + MEASURES.indexOf("total")));
		assertThat(shown.replaceAll("[\\s\u00A0\u202F]", " ")).matches("\\d{1,3}( \\d{3})+ €");
		assertThat(flat(french.formatCellValue(turnover.getCell(5 + MEASURES.indexOf("response_rate")))))
			.matches("\\d{2},\\d %");
		assertThat(flat(french.formatCellValue(turnover.getCell(5 + MEASURES.indexOf("yoy_pct"))))).isEqualTo("+3,1 %");
		assertThat(flat(french.formatCellValue(share.getCell(5 + MEASURES.indexOf("yoy_pct"))))).isEqualTo("+0,4 pt");
	}

	@Test
	void oneSheetPerLevelForReadingWithSecretsMarkedS() {
		for (String level : Levels.ALL) {
			assertThat(book.getSheet(Levels.LABELS_FR.get(level))).as(level).isNotNull();
		}
		Sheet regions = book.getSheet("Régions");
		assertThat(regions.getRow(0).getCell(0).getStringCellValue()).startsWith("Régions – 2025")
			.contains("Données fictives");
		List<String> header = strings(regions.getRow(1));
		assertThat(header).startsWith("Code zone", "Zone", "Code indicateur", "Indicateur", "Unité", "Pôles attendus")
			.endsWith("Statut (conf_status)");
		// Corsica (94) is A: its measures print s, its counts stay numbers
		Row corse = null;
		Row ara = null;
		for (Row row : regions) {
			if (row.getRowNum() > 1 && "MEMBERS_TOTAL".equals(row.getCell(2).getStringCellValue())) {
				if ("94".equals(row.getCell(0).getStringCellValue())) {
					corse = row;
				}
				if ("84".equals(row.getCell(0).getStringCellValue())) {
					ara = row;
				}
			}
		}
		assertThat(corse.getCell(1).getStringCellValue()).isEqualTo("Corse");
		assertThat(corse.getCell(5).getNumericCellValue()).isEqualTo(28);
		assertThat(corse.getCell(header.indexOf("Total")).getStringCellValue()).isEqualTo("s");
		assertThat(corse.getCell(header.indexOf("Statut (conf_status)")).getStringCellValue()).isEqualTo("A");
		assertThat(ara.getCell(header.indexOf("Total")).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(ara.getCell(header.indexOf("Total")).getNumericCellValue())
			.isEqualTo(PublicationData.load(dir, YEAR).cell("MEMBERS_TOTAL", "region", "84").total());
		// the national change on a constant sample the fixture withheld prints s
		Sheet france = book.getSheet("France");
		List<String> h = strings(france.getRow(1));
		for (Row row : france) {
			if (row.getRowNum() > 1
					&& PublicationFixture.WITHHELD_CONSTANT_SAMPLE.equals(row.getCell(2).getStringCellValue())) {
				assertThat(row.getCell(h.indexOf("Évolution à champ constant")).getStringCellValue()).isEqualTo("s");
				assertThat(row.getCell(h.indexOf("Évolution sur un an")).getCellType()).isEqualTo(CellType.NUMERIC);
			}
		}
		// no figure is text, in any sheet: a text cell of a measure column is s
		for (String level : Levels.ALL) {
			Sheet sheet = book.getSheet(Levels.LABELS_FR.get(level));
			for (Row row : sheet) {
				for (int c = 5; row.getRowNum() > 1 && c < h.size() - 1; c++) {
					Cell cell = row.getCell(c);
					if (cell != null && cell.getCellType() == CellType.STRING) {
						assertThat(cell.getStringCellValue()).as(level + " row " + row.getRowNum()).isEqualTo("s");
					}
				}
			}
		}
	}

	@Test
	void headersAreFrozenFilteredAndColumnsWide() {
		// every sheet of figures, one per level and the long one (the README has no
		// table)
		List<String> names = new ArrayList<>();
		book.sheetIterator().forEachRemaining(sheet -> names.add(sheet.getSheetName()));
		names.remove(XlsxReadme.SHEET);
		assertThat(names).contains("donnees", "Régions", "Départements", "France", "Thématiques", "Réseaux");
		for (String name : names) {
			XSSFSheet sheet = book.getSheet(name);
			int head = name.equals("donnees") ? 0 : 1;
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).as(name).isTrue();
			assertThat(pane.getHorizontalSplitTopRow()).as(name).isEqualTo((short) (head + 1));
			String filter = sheet.getCTWorksheet().getAutoFilter().getRef();
			int columns = sheet.getRow(head).getLastCellNum();
			assertThat(filter).as(name)
				.isEqualTo(
						"A" + (head + 1) + ":" + org.apache.poi.ss.util.CellReference.convertNumToColString(columns - 1)
								+ (sheet.getLastRowNum() + 1));
			for (int c = 0; c < columns; c++) {
				assertThat(sheet.getColumnWidth(c)).as(name + " column " + c).isGreaterThanOrEqualTo(15 * 256);
			}
		}
	}

	@Test
	void theReadmeSaysSourcesUnitsCodesSecretsAndLicence() {
		Sheet readme = book.getSheet("Lisez-moi");
		assertThat(book.getSheetIndex(readme)).isZero();
		List<String> text = new ArrayList<>();
		for (Row row : readme) {
			text.add(String.join(" | ", strings(row)));
		}
		String all = String.join("\n", text);
		assertThat(all).contains("Données fictives")
			.contains("Source")
			.contains("Licence Ouverte")
			// the as-of instant 2026-03-31T23:59:59Z, as read in Paris
			.contains("Données arrêtées au " + FrenchFormat.FIRST + "\u00A0avril 2026 à 1\u00A0h\u00A059");
		for (String column : MEASURES) {
			assertThat(all).contains("\n" + column + " | ");
		}
		for (String status : List.of("F", "A", "O", "D", "s")) {
			assertThat(text).anySatisfy(line -> assertThat(line).startsWith(status + " | "));
		}
		assertThat(all).contains("EUR | €")
			.contains("TURNOVER | Chiffre d")
			.contains("ECONOMIE_CIRCULAIRE | Économie circulaire")
			.contains("LABO_ESS | Le Labo de l’ESS")
			.contains("fte | ETP");
	}

	private static String flat(String text) {
		return text.replaceAll("[\\s\u00A0\u202F]", " ");
	}

	private static Row find(Sheet data, int year, String indicator, String level, String area) {
		for (Row row : data) {
			if (row.getRowNum() > 0 && row.getCell(0).getNumericCellValue() == year
					&& row.getCell(1).getStringCellValue().equals(indicator)
					&& row.getCell(2).getStringCellValue().equals(level)
					&& row.getCell(3).getStringCellValue().equals(area)) {
				return row;
			}
		}
		throw new AssertionError("no row " + year + " " + indicator + " " + level + " " + area);
	}

	private static String format(Row row, String measure) {
		return row.getCell(5 + MEASURES.indexOf(measure)).getCellStyle().getDataFormatString();
	}

	private static List<String> strings(Row row) {
		List<String> values = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			values.add(cell == null ? "" : new DataFormatter().formatCellValue(cell));
		}
		return values;
	}

}
