package fr.ptce.observatory.publish;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of the workbook, made once each: a workbook holds at most 64,000
 * styles, so a style per cell (or per format asked for) would break a large sheet.
 * Numbers are written as numbers with a number format; text only where there is no number
 * ({@code s}, codes, names).
 */
final class XlsxStyles {

	private final Workbook book;

	private final Map<String, CellStyle> numbers = new HashMap<>();

	final CellStyle header;

	final CellStyle title;

	final CellStyle wrapped;

	final CellStyle secret;

	XlsxStyles(Workbook book) {
		this.book = book;
		Font bold = book.createFont();
		bold.setBold(true);
		header = book.createCellStyle();
		header.setFont(bold);
		header.setWrapText(true);
		header.setVerticalAlignment(VerticalAlignment.TOP);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		Font big = book.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 13);
		title = book.createCellStyle();
		title.setFont(big);
		wrapped = book.createCellStyle();
		wrapped.setWrapText(true);
		wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		secret = book.createCellStyle();
		secret.setAlignment(HorizontalAlignment.RIGHT);
	}

	/** The style of numbers in an Excel number format code, e.g. {@code #,##0}. */
	CellStyle number(String format) {
		return numbers.computeIfAbsent(format, f -> {
			CellStyle s = book.createCellStyle();
			s.setDataFormat(book.createDataFormat().getFormat(f));
			return s;
		});
	}

	static void text(Row row, int column, String value, CellStyle style) {
		if (value == null) {
			return;
		}
		Cell c = row.createCell(column);
		c.setCellValue(value);
		if (style != null) {
			c.setCellStyle(style);
		}
	}

	/**
	 * A number cell, or no cell at all for null: an empty cell is what a missing or
	 * secret value is.
	 */
	void number(Row row, int column, Double value, String format) {
		if (value == null) {
			return;
		}
		Cell c = row.createCell(column);
		c.setCellValue(value);
		c.setCellStyle(number(format));
	}

}
