package fr.ptce.observatory.warehouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The dictionaries the int codes of observation rows refer to ({@link ObservationBatch},
 * {@link ObservationFile}): poles, periods, indicators and their units, statuses are
 * fixed for a run; files grow as the run ingests them. Each code's UTF-8 bytes are
 * computed once here, and its rank in unsigned byte order (the order Parquet compares
 * strings in), so that writing a row group never converts a string nor compares bytes per
 * row.
 */
public final class ObservationCodes {

	/** The statuses, in unsigned byte order so that a status's code is also its rank. */
	static final String STATUSES = "AEMP";

	private final Dictionary poles;

	private final int firstYear;

	private final int lastYear;

	private final String[] periodCodes;

	private final Dictionary periods;

	/** Per period code: its quarter, 0 for the year itself. */
	private final int[] quarterOfPeriod;

	private final Dictionary indicators;

	private final List<String> indicatorUnits;

	private final Dictionary units;

	/** Per indicator code: the code of its unit in {@link #units}. */
	private final int[] unitOfIndicator;

	private final Dictionary statuses;

	/**
	 * The files, replaced as a whole when one is added: the job's thread adds files while
	 * the writer thread encodes rows of earlier ones, and a reader that took this
	 * snapshot sees every file it counts (see {@link #addFile}).
	 */
	private volatile Files files = new Files(new byte[16][], new byte[16][], new String[16], new String[16], 0);

	/**
	 * @param indicatorUnits {@code indicatorUnits.get(i)} is the catalogue unit of
	 * indicator {@code i}
	 */
	public ObservationCodes(List<String> poleIds, int firstYear, int lastYear, List<String> indicatorCodes,
			List<String> indicatorUnits) {
		if (lastYear < firstYear) {
			throw new IllegalArgumentException("no year between " + firstYear + " and " + lastYear);
		}
		if (indicatorUnits.size() != indicatorCodes.size()) {
			throw new IllegalArgumentException(
					indicatorCodes.size() + " indicators but " + indicatorUnits.size() + " units");
		}
		this.poles = new Dictionary(poleIds);
		this.firstYear = firstYear;
		this.lastYear = lastYear;
		int years = lastYear - firstYear + 1;
		this.periodCodes = new String[years * 5];
		this.quarterOfPeriod = new int[years * 5];
		for (int year = firstYear; year <= lastYear; year++) {
			for (int quarter = 0; quarter <= 4; quarter++) {
				int period = period(year, quarter);
				periodCodes[period] = quarter == 0 ? Integer.toString(year) : year + "-Q" + quarter;
				quarterOfPeriod[period] = quarter;
			}
		}
		this.periods = new Dictionary(Arrays.asList(periodCodes));
		this.indicators = new Dictionary(indicatorCodes);
		this.indicatorUnits = List.copyOf(indicatorUnits);
		List<String> distinctUnits = new ArrayList<>();
		this.unitOfIndicator = new int[indicatorUnits.size()];
		for (int i = 0; i < unitOfIndicator.length; i++) {
			String unit = indicatorUnits.get(i);
			int code = distinctUnits.indexOf(unit);
			if (code < 0) {
				code = distinctUnits.size();
				distinctUnits.add(unit);
			}
			unitOfIndicator[i] = code;
		}
		this.units = new Dictionary(distinctUnits);
		this.statuses = new Dictionary(STATUSES.chars().mapToObj(c -> String.valueOf((char) c)).toList());
	}

	/** (year - firstYear) * 5 + quarter; quarter 0 is the year, 1..4 its quarters. */
	public int period(int year, int quarter) {
		return (year - firstYear) * 5 + quarter;
	}

	public int year(int period) {
		return firstYear + period / 5;
	}

	public int quarter(int period) {
		return period % 5;
	}

	/** "2024" or "2024-Q3". */
	public String periodCode(int period) {
		return periodCodes[period];
	}

	public int firstYear() {
		return firstYear;
	}

	public int lastYear() {
		return lastYear;
	}

	public String poleId(int pole) {
		return poles.strings[pole];
	}

	public int poleCount() {
		return poles.size();
	}

	public String indicatorCode(int indicator) {
		return indicators.strings[indicator];
	}

	public String unit(int indicator) {
		return indicatorUnits.get(indicator);
	}

	public int indicatorCount() {
		return indicators.size();
	}

	/**
	 * Adds a file, returning its index (0, 1, 2...). Safe while another thread encodes
	 * rows of earlier files: the new entry is written into slots no published snapshot
	 * counts, then a new snapshot is published through a volatile write, so a reader of
	 * {@link #files()} sees every entry its snapshot counts.
	 */
	public synchronized int addFile(String submissionId, String sourceFile) {
		Files current = files;
		int index = current.count;
		byte[][] submissions = current.submissions;
		byte[][] sources = current.sources;
		String[] submissionStrings = current.submissionStrings;
		String[] sourceStrings = current.sourceStrings;
		if (index == submissions.length) {
			submissions = Arrays.copyOf(submissions, index * 2);
			sources = Arrays.copyOf(sources, index * 2);
			submissionStrings = Arrays.copyOf(submissionStrings, index * 2);
			sourceStrings = Arrays.copyOf(sourceStrings, index * 2);
		}
		submissions[index] = submissionId.getBytes(StandardCharsets.UTF_8);
		sources[index] = sourceFile.getBytes(StandardCharsets.UTF_8);
		submissionStrings[index] = submissionId;
		sourceStrings[index] = sourceFile;
		files = new Files(submissions, sources, submissionStrings, sourceStrings, index + 1);
		return index;
	}

	/**
	 * Adds a file whose submission id (its SHA-256) is still being computed: rows of it
	 * may be added at once, and whoever first needs the id (the encoder of a row group,
	 * {@link #submissionId}) waits for it. So a large file is validated while another
	 * thread hashes it.
	 */
	public synchronized int addFile(Future<String> submissionId, String sourceFile) {
		// pending is raised before the entry is published: a reader that sees the entry
		// sees the flag
		pending = true;
		pendingIds.put(files.count, submissionId);
		return addFile("", sourceFile);
	}

	/** Submission ids still being computed, by file index (guarded by this). */
	private final Map<Integer, Future<String>> pendingIds = new HashMap<>();

	private volatile boolean pending;

	private synchronized void resolvePending() {
		Files current = files;
		for (Map.Entry<Integer, Future<String>> e : pendingIds.entrySet()) {
			String id;
			try {
				id = e.getValue().get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(
						"interrupted while waiting for the SHA-256 of " + current.sourceStrings[e.getKey()], ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("cannot compute the SHA-256 of " + current.sourceStrings[e.getKey()]
						+ ": " + ex.getCause().getMessage(), ex.getCause());
			}
			// the entry is counted by published snapshots, but nobody reads it before
			// this method returns
			current.submissions[e.getKey()] = id.getBytes(StandardCharsets.UTF_8);
			current.submissionStrings[e.getKey()] = id;
		}
		pendingIds.clear();
		pending = false;
		// a volatile write after the entries: every later reader of files() sees them
		files = new Files(current.submissions, current.sources, current.submissionStrings, current.sourceStrings,
				current.count);
	}

	public String submissionId(int file) {
		return files().submissionString(file);
	}

	public String sourceFile(int file) {
		return files().sourceString(file);
	}

	public int fileCount() {
		return files.count;
	}

	Dictionary poles() {
		return poles;
	}

	Dictionary periods() {
		return periods;
	}

	int[] quarterOfPeriod() {
		return quarterOfPeriod;
	}

	Dictionary indicators() {
		return indicators;
	}

	Dictionary units() {
		return units;
	}

	int[] unitOfIndicator() {
		return unitOfIndicator;
	}

	Dictionary statuses() {
		return statuses;
	}

	Files files() {
		Files snapshot = files;
		if (pending) {
			resolvePending();
			snapshot = files;
		}
		return snapshot;
	}

	/** A published state of the files: entries below {@code count} never change. */
	record Files(byte[][] submissions, byte[][] sources, String[] submissionStrings, String[] sourceStrings,
			int count) {

		String submissionString(int file) {
			if (file < 0 || file >= count) {
				throw new IndexOutOfBoundsException("no file " + file + " (" + count + " added)");
			}
			return submissionStrings[file];
		}

		String sourceString(int file) {
			if (file < 0 || file >= count) {
				throw new IndexOutOfBoundsException("no file " + file + " (" + count + " added)");
			}
			return sourceStrings[file];
		}

	}

	/**
	 * Codes of one column: their UTF-8 bytes, their rank in unsigned byte order and the
	 * code of each rank, so that min/max statistics are a comparison of ints per row and
	 * a lookup per page.
	 */
	static final class Dictionary {

		final String[] strings;

		final byte[][] bytes;

		final int[] rank;

		final int[] byRank;

		Dictionary(List<String> values) {
			int n = values.size();
			this.strings = values.toArray(new String[0]);
			this.bytes = new byte[n][];
			for (int i = 0; i < n; i++) {
				bytes[i] = strings[i].getBytes(StandardCharsets.UTF_8);
			}
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(bytes[a], bytes[b]));
			this.rank = new int[n];
			this.byRank = new int[n];
			for (int r = 0; r < n; r++) {
				byRank[r] = order[r];
				rank[order[r]] = r;
			}
		}

		int size() {
			return bytes.length;
		}

	}

}
