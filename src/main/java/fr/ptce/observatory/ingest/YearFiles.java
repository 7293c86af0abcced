package fr.ptce.observatory.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.ObservationBatch;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.ObservationFile;
import fr.ptce.observatory.warehouse.Provenance;

/**
 * A set of open observation files, one per year, and the files it finished: either the
 * shared files of the run's small files, or those of one large file. Used by the writer
 * thread only, until the run is sealed; at most one set has files open at a time (the
 * shared set is committed before a large file starts), so memory stays bounded by one row
 * group per year.
 */
final class YearFiles implements ObservationWriter.Target {

	/**
	 * Observation files are rolled over at this many rows, so that no single file grows
	 * without bound.
	 */
	static final long ROWS_PER_FILE = 5_000_000;

	private final StagedRun run;

	private final ObservationCodes codes;

	private final Provenance provenance;

	private final long ingestedAtMicros;

	private final int firstYear;

	private final int rowGroupRows;

	/** The open file of each year, by year - first year of the key space. */
	private final ObservationFile[] open;

	/** Finished files, staged, not in the manifest yet. */
	private final List<Manifest.Move> finished = new ArrayList<>();

	YearFiles(StagedRun run, KeySpace keys, ObservationCodes codes, Provenance provenance, long ingestedAtMicros,
			int rowGroupRows) {
		this.run = run;
		this.codes = codes;
		this.provenance = provenance;
		this.ingestedAtMicros = ingestedAtMicros;
		this.firstYear = keys.firstYear();
		this.rowGroupRows = rowGroupRows;
		this.open = new ObservationFile[keys.lastYear() - keys.firstYear() + 1];
	}

	@Override
	public void write(ObservationBatch rows) {
		for (int r = 0; r < rows.size(); r++) {
			int year = codes.year(rows.period(r));
			ObservationFile file = open[year - firstYear];
			if (file == null || file.rows() >= ROWS_PER_FILE) {
				file = file(year);
			}
			file.add(rows, r);
		}
	}

	private ObservationFile file(int year) {
		ObservationFile file = open[year - firstYear];
		if (file != null) {
			finish(year, file);
		}
		// first row groups of (n+1)/2n, (n+2)/2n... of the size: the years of a file fill
		// at the same pace, and
		// are then encoded one after the other instead of all at once; and no row group
		// is encoded before half of
		// one is read, which leaves the start of a large file to the pass that hashes it
		int years = open.length;
		int phase = (year - firstYear) % years + 1;
		file = ObservationFile.open(run.nextPart(year), provenance, codes, ingestedAtMicros, rowGroupRows)
			.firstRowGroup((int) ((long) rowGroupRows * (years + phase) / (2 * years)));
		open[year - firstYear] = file;
		return file;
	}

	private void finish(int year, ObservationFile file) {
		open[year - firstYear] = null;
		file.commit();
		finished.add(run.partMove(file.target(), year));
	}

	/**
	 * Finishes the open files; all the files become part of the run (moved when it is
	 * published). The files' last row groups and footers are written on two threads, this
	 * one and a helper: at the end of a large file every year has a part-filled row group
	 * left (a sixth of a 5 M-row file's rows over 36 years), and the job's thread only
	 * waits for them.
	 */
	void commit() {
		List<Integer> years = new ArrayList<>();
		for (int y = 0; y < open.length; y++) {
			if (open[y] != null) {
				years.add(y);
			}
		}
		Manifest.Move[] moves = new Manifest.Move[open.length];
		int half = years.size() / 2;
		FutureTask<Void> helper = new FutureTask<>(() -> finishAll(years.subList(0, half), moves), null);
		if (half > 0) {
			Thread thread = new Thread(helper, "parquet-commit");
			thread.setDaemon(true);
			thread.start();
		}
		RuntimeException failure = null;
		try {
			finishAll(years.subList(half, years.size()), moves);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		if (half > 0) {
			failure = await(helper, failure);
		}
		for (Manifest.Move move : moves) {
			if (move != null) {
				// finished files are listed even after a failure, for discard() to delete
				finished.add(move);
			}
		}
		if (failure != null) {
			throw failure;
		}
		run.addParts(finished);
		finished.clear();
	}

	private void finishAll(List<Integer> years, Manifest.Move[] moves) {
		for (int y : years) {
			ObservationFile file = open[y];
			file.commit();
			open[y] = null;
			moves[y] = run.partMove(file.target(), firstYear + y);
		}
	}

	private static RuntimeException await(FutureTask<Void> helper, RuntimeException failure) {
		try {
			helper.get();
			return failure;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failure != null ? failure : new IllegalStateException("interrupted while committing", ex);
		}
		catch (ExecutionException ex) {
			if (failure != null) {
				return failure;
			}
			return ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
		}
	}

	/** Deletes every file of the set, open or finished. */
	void discard() {
		close();
		for (Manifest.Move move : finished) {
			AtomicFiles.deleteQuietly(run.folder().resolve(move.from()));
		}
		finished.clear();
	}

	/** Closes the open files without commit: they are deleted. */
	void close() {
		for (int y = 0; y < open.length; y++) {
			if (open[y] != null) {
				open[y].close();
				open[y] = null;
			}
		}
	}

}
