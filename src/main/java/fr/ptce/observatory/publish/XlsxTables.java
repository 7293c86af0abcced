package fr.ptce.observatory.publish;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.ptce.observatory.warehouse.AtomicFiles;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The tables of a publication as one XLSX workbook, a sheet per table, with exactly the text of the PDF (figures
 * in French format, {@code s} and {@code –} marks), so that the two never disagree. Written with Apache POI
 * directly: JasperReports 7 moved its XLSX exporter out of the modules we use, and a sheet per table with one
 * header row is simpler to build than to lay out through a template.
 */
public final class XlsxTables {

	private XlsxTables() {
	}

	/** One sheet per table of the editions, in order; a sheet name used twice gets a number. */
	public static void write(List<Edition> editions, Path target, String notice, java.time.Instant asOf) {
		AtomicFiles.write(target, tmp -> {
			try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
				book.getProperties().getCoreProperties().setTitle("Tableaux de l’observatoire national des PTCE");
				book.getProperties().getCoreProperties().setCreator(PdfRenderer.AUTHOR);
				// like the PDFs: the as-of instant, so that reruns are comparable
				book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(asOf)));
				book.getProperties().getCoreProperties().setModified(java.util.Optional.of(java.util.Date.from(asOf)));
				CellStyle header = book.createCellStyle();
				Font bold = book.createFont();
				bold.setBold(true);
				header.setFont(bold);
				header.setWrapText(true);
				CellStyle right = book.createCellStyle();
				right.setAlignment(HorizontalAlignment.RIGHT);
				Set<String> used = new HashSet<>();
				for (Edition edition : editions) {
					for (Section section : edition.sections()) {
						if (!"table".equals(section.kind()) || section.sheet() == null) {
							continue;
						}
						Sheet sheet = book.createSheet(uniqueName(section.sheet(), used));
						int r = 0;
						if (notice != null) {
							sheet.createRow(r++).createCell(0).setCellValue(notice);
						}
						Row head = sheet.createRow(r++);
						for (int i = 0; i < section.headers().size(); i++) {
							Cell c = head.createCell(i);
							c.setCellValue(section.headers().get(i));
							c.setCellStyle(header);
						}
						for (List<String> row : section.rows()) {
							Row line = sheet.createRow(r++);
							for (int i = 0; i < row.size(); i++) {
								Cell c = line.createCell(i);
								c.setCellValue(row.get(i));
								if (i > 0) {
									c.setCellStyle(right);
								}
							}
						}
						if (section.note() != null) {
							r++;
							sheet.createRow(r).createCell(0).setCellValue(section.note());
						}
						sheet.setColumnWidth(0, 60 * 256);
						for (int i = 1; i < section.headers().size(); i++) {
							sheet.setColumnWidth(i, 18 * 256);
						}
					}
				}
				book.write(out);
			}
		});
	}

	/** The sheet name of a table of the workbook, as {@link #write} names it. */
	static String uniqueName(String wanted, Set<String> used) {
		String base = WorkbookUtil.createSafeSheetName(wanted);
		String name = base;
		for (int n = 2; !used.add(name.toLowerCase()); n++) {
			String suffix = " (" + n + ")";
			name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
		}
		return name;
	}

}
