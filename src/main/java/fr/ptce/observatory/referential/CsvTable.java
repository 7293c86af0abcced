package fr.ptce.observatory.referential;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.ptce.observatory.warehouse.Sha256;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A small UTF-8, comma-separated reference table (registry, catalogue, geographic files)
 * read whole, with the SHA-256 of its bytes so that every published artefact can name the
 * version it was computed from. Public for the other reference files checked the same way
 * (the partners file).
 *
 * The SHA-256 is computed when first asked for: the geographic files' is never asked for,
 * and hashing their 1.4 MB was a sixth of the referential's load in a command's JVM
 * (whose fast compiler does not use the processor's SHA instructions).
 */
public final class CsvTable {

	private final String source;

	private final List<String> header;

	private final List<Row> rows;

	/** The file's bytes until hashed. */
	private byte[] bytes;

	private String sha256;

	private CsvTable(String source, byte[] bytes, List<String> header, List<Row> rows) {
		this.source = source;
		this.bytes = bytes;
		this.header = header;
		this.rows = rows;
	}

	public String source() {
		return source;
	}

	public List<String> header() {
		return header;
	}

	public List<Row> rows() {
		return rows;
	}

	/** The SHA-256 of the file's bytes, in lower-case hex. */
	public synchronized String sha256() {
		if (sha256 == null) {
			sha256 = Sha256.of(bytes);
			bytes = null;
		}
		return sha256;
	}

	/**
	 * One data row: its fields by position and the table's one map of column positions (a
	 * map per row would be most of the time a 10,000-pole registry takes to load).
	 */
	public record Row(long line, Map<String, Integer> columns, String[] values) {

		public String get(String column) {
			Integer i = columns.get(column);
			return i == null ? "" : values[i].strip();
		}

	}

	public static CsvTable read(String source, InputStream in, String... requiredColumns) {
		byte[] bytes;
		try (in) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ReferentialException(source + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
		List<String> header = null;
		Map<String, Integer> columns = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder()
			.detectBomHeader(true)
			.skipEmptyLines(true)
			// the field count is checked below, so that the message names the line and
			// both counts
			.allowExtraFields(true)
			.allowMissingFields(true)
			.ofCsvRecord(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
			for (CsvRecord record : reader) {
				if (header == null) {
					header = record.getFields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
					for (int i = 0; i < header.size(); i++) {
						// a repeated column: the last one is read, as before
						columns.put(header.get(i), i);
					}
					for (String required : requiredColumns) {
						if (!header.contains(required)) {
							throw ReferentialException.at(source, record.getStartingLineNumber(),
									"the column '" + required + "' is missing from the header");
						}
					}
					continue;
				}
				if (record.getFieldCount() != header.size()) {
					throw ReferentialException.at(source, record.getStartingLineNumber(),
							record.getFieldCount() + " fields where the header has " + header.size());
				}
				rows.add(new Row(record.getStartingLineNumber(), columns, record.getFields().toArray(String[]::new)));
			}
		}
		catch (ReferentialException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new ReferentialException(source + ": not a readable CSV file (" + ex.getMessage() + ")", ex);
		}
		if (header == null) {
			throw new ReferentialException(source + ": the file is empty");
		}
		return new CsvTable(source, bytes, header, rows);
	}

}
