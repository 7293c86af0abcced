package fr.ptce.observatory.publish;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.MissingAggregatesException;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The figures of a publication as an XLSX workbook one can compute on: every figure a
 * number with a French number format, never text. Sheets: {@value XlsxReadme#SHEET}
 * (sources, units, codes, secrets, licence), one sheet per level for reading (year Y,
 * French headings, {@code s} where a figure is secret), and {@value #DATA}, every
 * aggregate cell of the ten years in long form with the warehouse's column names, secret
 * measures empty as the warehouse has them. Rows are streamed (SXSSF: a window of rows in
 * memory, the rest on disk) and the data sheet is read one year's partition at a time, so
 * memory does not grow with the number of cells.
 */
public final class XlsxTables {

	/** The data sheet: long form, one row per aggregate cell. */
	public static final String DATA = "donnees";

	/** The columns of the data sheet before the measures, and after them. */
	static final List<String> KEYS = List.of("year", "indicator", "level", "area", "area_name");

	static final List<String> TAIL = List.of("conf_status", "unit");

	/** The first columns of a sheet per level, before the measures. */
	static final List<String> LEVEL_KEYS = List.of("Code zone", "Zone", "Code indicateur", "Indicateur", "Unité");

	static final String LEVEL_STATUS = "Statut (conf_status)";

	private static final int WINDOW = 200;

	/**
	 * The order of the data sheet within a year, the warehouse's (plain string order of
	 * each key).
	 */
	private static final Comparator<AggregateCell> ORDER = Comparator.comparing(AggregateCell::indicator)
		.thenComparing(AggregateCell::level)
		.thenComparing(AggregateCell::area);

	private XlsxTables() {
	}

	/** What the workbook is written from. */
	record Source(DataDirectory dir, PublicationData data, PublicationContent content, Areas areas,
			PublicationContent.Provenance provenance, String notice) {
	}

	public static void write(DataDirectory dir, PublicationData data, PublicationContent content, GeoReferential geo,
			PublicationContent.Provenance provenance, String notice, Path target) {
		write(new Source(dir, data, content, new Areas(geo), provenance, notice), target);
	}

	static void write(Source source, Path target) {
		AtomicFiles.write(target, tmp -> {
			SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				properties(book, source);
				XlsxStyles styles = new XlsxStyles(book);
				XlsxReadme.write(book.createSheet(XlsxReadme.SHEET), styles, source);
				for (String level : Levels.ALL) {
					levelSheet(book.createSheet(Levels.LABELS_FR.get(level)), styles, source, level);
				}
				dataSheet(book.createSheet(DATA), styles, source);
				book.write(out);
			}
			finally {
				// the rows flushed to temporary files: close() only closes them,
				// dispose() deletes them
				book.dispose();
				book.close();
			}
		});
	}

	private static void properties(SXSSFWorkbook book, Source source) {
		POIXMLProperties.CoreProperties core = book.getXSSFWorkbook().getProperties().getCoreProperties();
		core.setTitle("Tableaux de l’observatoire national des PTCE " + source.data().year());
		core.setCreator(PdfRenderer.AUTHOR);
		core.setDescription(source.notice());
		// like the PDFs: the as-of instant, so that reruns are comparable
		core.setCreated(Optional.of(Date.from(source.provenance().asOf())));
		core.setModified(Optional.of(Date.from(source.provenance().asOf())));
	}

	/**
	 * Long form: every cell of the ten years, sorted by (year, indicator, level, area).
	 */
	private static void dataSheet(Sheet sheet, XlsxStyles styles, Source source) {
		List<String> headers = new ArrayList<>(KEYS);
		for (AggregateMeasure m : AggregateMeasure.values()) {
			headers.add(m.column());
		}
		headers.addAll(TAIL);
		header(sheet, 0, headers, styles);
		int r = 1;
		int year = source.data().year();
		for (int y = year - PublicationData.WINDOW + 1; y <= year; y++) {
			if (!MissingAggregatesException.present(source.dir(), y)) {
				continue;
			}
			// one year in memory at a time
			List<AggregateCell> cells = new ArrayList<>(
					TableReaders.readPartition(source.dir(), Tables.AGGREGATES, y, TableReaders::aggregates));
			cells.sort(ORDER);
			for (AggregateCell c : cells) {
				String unit = unit(source.content(), c.indicator());
				Row row = sheet.createRow(r++);
				styles.number(row, 0, (double) y, "0");
				XlsxStyles.text(row, 1, c.indicator(), null);
				XlsxStyles.text(row, 2, c.level(), null);
				XlsxStyles.text(row, 3, c.area(), null);
				XlsxStyles.text(row, 4, source.areas().name(c.level(), c.area()), null);
				int col = KEYS.size();
				for (AggregateMeasure m : AggregateMeasure.values()) {
					styles.number(row, col++, m.value(c), m.format(unit));
				}
				XlsxStyles.text(row, col++, c.confStatus(), null);
				XlsxStyles.text(row, col, unit, null);
			}
		}
		finish(sheet, 0, Math.max(1, r - 1), headers.size());
		sheet.setColumnWidth(1, 24 * 256);
		sheet.setColumnWidth(4, 36 * 256);
	}

	/**
	 * Year Y at one level, for reading: indicators in the publication's order, areas in
	 * code order.
	 */
	private static void levelSheet(Sheet sheet, XlsxStyles styles, Source source, String level) {
		PublicationData data = source.data();
		int r = 0;
		XlsxStyles.text(sheet.createRow(r++), 0, Levels.LABELS_FR.get(level) + " – " + data.year()
				+ (source.notice() == null ? "" : " – " + source.notice()), styles.title);
		List<String> headers = new ArrayList<>(LEVEL_KEYS);
		for (AggregateMeasure m : AggregateMeasure.values()) {
			headers.add(m.label());
		}
		headers.add(LEVEL_STATUS);
		int head = r;
		header(sheet, r++, headers, styles);
		for (PublicationContent.Published p : source.content().indicators()) {
			for (String area : source.areas().of(level)) {
				AggregateCell c = data.cell(p.code(), level, area);
				if (c != null) {
					levelRow(sheet.createRow(r++), styles, source, p, c);
				}
			}
		}
		finish(sheet, head, Math.max(head + 1, r - 1), headers.size());
		sheet.setColumnWidth(1, 30 * 256);
		sheet.setColumnWidth(3, 44 * 256);
	}

	private static void levelRow(Row row, XlsxStyles styles, Source source, PublicationContent.Published p,
			AggregateCell c) {
		String unit = unit(source.content(), c.indicator());
		XlsxStyles.text(row, 0, c.area(), null);
		XlsxStyles.text(row, 1, source.areas().name(c.level(), c.area()), null);
		XlsxStyles.text(row, 2, p.code(), null);
		XlsxStyles.text(row, 3, p.label(), null);
		XlsxStyles.text(row, 4, p.ratio() ? "%" : PublicationContent.unitLabel(p.unit()), null);
		int col = LEVEL_KEYS.size();
		for (AggregateMeasure m : AggregateMeasure.values()) {
			Double v = m.value(c);
			if (withheld(source.data(), m, c) || v == null && m.secret(c)) {
				XlsxStyles.text(row, col, FrenchFormat.CONFIDENTIAL, styles.secret);
			}
			else {
				styles.number(row, col, v, m.format(unit));
			}
			col++;
		}
		XlsxStyles.text(row, col, c.confStatus(), null);
	}

	/**
	 * A change on a constant sample the rule Constant sample withheld: printed s, as in
	 * the PDFs.
	 */
	static boolean withheld(PublicationData data, AggregateMeasure m, AggregateCell c) {
		return m == AggregateMeasure.YOY_CONSTANT_PCT
				&& data.constantSampleWithheld(c.indicator(), c.level(), c.area());
	}

	/** The unit of an indicator's figures: the catalogue's, {@code %} for a ratio. */
	static String unit(PublicationContent content, String indicator) {
		PublicationContent.Published p = content.indicator(indicator);
		return p == null ? "" : p.unit();
	}

	private static void header(Sheet sheet, int r, List<String> headers, XlsxStyles styles) {
		Row row = sheet.createRow(r);
		for (int i = 0; i < headers.size(); i++) {
			XlsxStyles.text(row, i, headers.get(i), styles.header);
		}
	}

	/** Header row frozen, a filter on every column, widths that fit the figures. */
	private static void finish(Sheet sheet, int headerRow, int lastRow, int columns) {
		sheet.createFreezePane(0, headerRow + 1);
		sheet.setAutoFilter(new CellRangeAddress(headerRow, lastRow, 0, columns - 1));
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, 15 * 256);
		}
	}

}
