package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.Tables;

/**
 * SUSPICIOUS_JUMP, and the current value of every key it compares with: loaded from the
 * store when the run starts, moved by each accepted row, and moved back when the file's
 * rows are not stored.
 *
 * A value is compared with the previous year's current value after the whole file,
 * whatever the order of its rows. That value is already final when the row is read if the
 * file's own row for the previous year came before it, or if the pole was not active that
 * year (no row of this file can change it): then the row is decided at once, which is the
 * case of nearly every row of a file in year order. Otherwise the row is spooled as
 * pending and decided once the file is read ({@link #settle}).
 */
final class JumpCheck implements Closeable {

	private final KeySpace keys;

	private final Catalogue catalogue;

	private final ObservationCodes codes;

	private final SubmissionValidation.Buffers buffers;

	/**
	 * The current value of every key (NaN: none, or status M), kept up to date file by
	 * file. A float: it only serves the tenfold SUSPICIOUS_JUMP test, and a registry of
	 * 10,000 poles over decades has tens of millions of keys.
	 */
	private final float[] current;

	/**
	 * Each accepted row's key and the key's current value before it, to move the values
	 * back if need be.
	 */
	private final Spool undo;

	/** The accepted rows of a file whose jump can only be decided at its end. */
	private final Spool pending;

	/** SUSPICIOUS_JUMP of the rows decided as they are read. */
	private final Spool jumps;

	/** SUSPICIOUS_JUMP of the pending rows, decided at the end of the file. */
	private final Spool laterJumps;

	JumpCheck(DataDirectory dir, Registry registry, Catalogue catalogue, KeySpace keys, ObservationCodes codes,
			SubmissionValidation.Buffers buffers, Path staging) {
		this.keys = keys;
		this.catalogue = catalogue;
		this.codes = codes;
		this.buffers = buffers;
		this.current = new float[keys.size()];
		Arrays.fill(current, Float.NaN);
		this.undo = new Spool(staging.resolve(".undo.spool"));
		this.pending = new Spool(staging.resolve(".pending.spool"));
		this.jumps = new Spool(staging.resolve(".jumps.spool"), this::jumpIssue);
		this.laterJumps = new Spool(staging.resolve(".later-jumps.spool"), this::jumpIssue);
		load(dir, registry);
	}

	/**
	 * Reads the current value of every key from the store. Files are read in name order,
	 * which is ingestion order, and rows in the order they were written, so the last
	 * value seen is the current.
	 */
	private void load(DataDirectory dir, Registry registry) {
		Path table = dir.table(Tables.OBSERVATIONS);
		Map<String, Integer> poleIndex = new HashMap<>();
		registry.poles().forEach(p -> poleIndex.put(p.id(), p.index()));
		for (int year : ParquetScan.years(table)) {
			if (!keys.contains(year)) {
				continue;
			}
			for (Path file : ParquetScan.files(dir.partition(Tables.OBSERVATIONS, year))) {
				ParquetScan.scan(file, group -> {
					ParquetScan.Column pole = group.column("pole_id");
					ParquetScan.Column quarter = group.column("quarter");
					ParquetScan.Column indicator = group.column("indicator");
					ParquetScan.Column value = group.column("value");
					for (long i = 0; i < group.rows(); i++) {
						Integer p = poleIndex.get(pole.string());
						Integer q = quarter.nullableInt32();
						Indicator ind = catalogue.find(indicator.string());
						Double v = value.nullableFloat64();
						pole.next();
						quarter.next();
						indicator.next();
						value.next();
						if (p != null && ind != null) {
							current[keys.key(p, year, q == null ? 0 : q, ind.index())] = v == null ? Float.NaN
									: v.floatValue();
						}
					}
				});
			}
		}
	}

	/** Starts a file. */
	void reset() {
		undo.reset();
		pending.reset();
		jumps.reset();
		laterJumps.reset();
	}

	/**
	 * An accepted row: its key's current value moves to it (and moves back if the file is
	 * not stored), and its jump is decided now or left pending.
	 */
	void accept(AcceptedRow row) {
		row.previousCurrent = current[row.key];
		current[row.key] = (float) row.value;
		undo.writeUndo(row.key, (float) row.previousCurrent);
		if (!row.hasValue() || row.value <= 0) {
			return;
		}
		int previous = keys.key(row.pole, row.year - 1, row.quarter, row.indicator);
		if (previous < 0) {
			return;
		}
		if (!buffers.accepted.get(previous) && buffers.poles[row.pole].isActive(row.year - 1)) {
			pending.write(row);
			return;
		}
		jump(row, previous, jumps);
	}

	private void jump(AcceptedRow row, int previous, Spool to) {
		double before = current[previous];
		if (before > 0 && (row.value > 10 * before || row.value < before / 10)) {
			to.writeJump(row.line, row.indicator, row.year, row.quarter, row.value, before);
		}
	}

	/** The warning of a jump spooled as figures by {@link #jump}. */
	private Issue jumpIssue(long line, int indicator, int year, int quarter, double value, double previous) {
		return Messages.suspiciousJump(line, catalogue.get(indicator).code(), periodCode(year, quarter), value,
				periodCode(year - 1, quarter), previous);
	}

	private String periodCode(int year, int quarter) {
		return codes.periodCode(codes.period(year, quarter));
	}

	/**
	 * The file is stored: its pending rows are decided, on the current values after the
	 * whole file.
	 */
	void settle() {
		AcceptedRow row = new AcceptedRow();
		try (Spool.Reader in = pending.read()) {
			while (in.next(row, keys)) {
				jump(row, keys.key(row.pole, row.year - 1, row.quarter, row.indicator), laterJumps);
			}
		}
	}

	/**
	 * The file is not stored: the current values move back to what they were before it.
	 */
	void restore() {
		AcceptedRow row = new AcceptedRow();
		try (Spool.Reader in = undo.read()) {
			while (in.nextUndo(row)) {
				current[row.key] = (float) row.previousCurrent;
			}
		}
	}

	/**
	 * The jumps of a stored file, decided as read then at the end, each in line order.
	 */
	Spool jumps() {
		return jumps;
	}

	Spool laterJumps() {
		return laterJumps;
	}

	@Override
	public void close() {
		undo.close();
		pending.close();
		jumps.close();
		laterJumps.close();
	}

}
