package fr.ptce.observatory.ingest;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.warehouse.DataDirectory;

/** What an ingest run did, as the command line prints it at the end. */
public record IngestSummary(Map<FileStatus, Integer> files, long rowsRead, long rowsStored, long rowsRejected,
		long rowsWithWarnings, String receipts) {

	static IngestSummary of(List<SubmissionOutcome> outcomes, DataDirectory dir) {
		Map<FileStatus, Integer> files = new EnumMap<>(FileStatus.class);
		long read = 0;
		long stored = 0;
		long rejected = 0;
		long warned = 0;
		for (SubmissionOutcome o : outcomes) {
			files.merge(o.status(), 1, Integer::sum);
			read += o.rowsRead();
			rejected += o.rowsRejected();
			warned += o.rowsWithWarnings();
			if (o.status() == FileStatus.ACCEPTED) {
				stored += o.rowsAccepted();
			}
		}
		return new IngestSummary(files, read, stored, rejected, warned, dir.receipts().toString());
	}

	Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		for (FileStatus s : FileStatus.values()) {
			map.put("files." + s.name(), (long) files.getOrDefault(s, 0));
		}
		map.put("rows.read", rowsRead);
		map.put("rows.stored", rowsStored);
		map.put("rows.rejected", rowsRejected);
		map.put("rows.warnings", rowsWithWarnings);
		map.put("receipts", receipts);
		return map;
	}

	@SuppressWarnings("unchecked")
	public static IngestSummary fromContext(Object value) {
		Map<String, Object> map = (Map<String, Object>) value;
		Map<FileStatus, Integer> files = new EnumMap<>(FileStatus.class);
		for (FileStatus s : FileStatus.values()) {
			Number n = (Number) map.get("files." + s.name());
			if (n != null && n.intValue() > 0) {
				files.put(s, n.intValue());
			}
		}
		return new IngestSummary(files, ((Number) map.get("rows.read")).longValue(),
				((Number) map.get("rows.stored")).longValue(), ((Number) map.get("rows.rejected")).longValue(),
				((Number) map.get("rows.warnings")).longValue(), (String) map.get("receipts"));
	}

	public int fileCount() {
		return files.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** The lines printed at the end of a run. */
	public List<String> lines() {
		StringBuilder statuses = new StringBuilder();
		for (Map.Entry<FileStatus, Integer> e : files.entrySet()) {
			if (statuses.length() > 0) {
				statuses.append(", ");
			}
			statuses.append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase().replace('_', ' '));
		}
		return List.of(fileCount() + " file(s) processed" + (fileCount() > 0 ? ": " + statuses : ""),
				rowsRead + " data rows read: " + rowsStored + " stored, " + rowsRejected + " rejected, "
						+ rowsWithWarnings + " with warnings",
				"Receipts (JSON and CSV, one pair per file): " + receipts);
	}

}
