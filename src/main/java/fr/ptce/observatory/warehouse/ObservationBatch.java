package fr.ptce.observatory.warehouse;

import java.util.Arrays;

/**
 * A columnar buffer of observation rows in code form (see {@link ObservationCodes}): one
 * primitive array per column, so that handing rows from the job's thread to the writer's
 * and buffering a row group cost no object per row. Reused through {@link #clear()}; not
 * thread-safe (hand a full batch over, then use another).
 */
public final class ObservationBatch {

	final int[] pole;

	final int[] period;

	final int[] indicator;

	/** NaN for a null value (status M). */
	final double[] value;

	/**
	 * Index of the status in {@link ObservationCodes#STATUSES}, which is also its rank.
	 */
	final byte[] status;

	final String[] comment;

	final int[] file;

	final long[] line;

	private int size;

	/**
	 * Rows with a comment: clear() only has to forget the strings when there are some.
	 */
	private int comments;

	public ObservationBatch(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("a batch holds at least one row, not " + capacity);
		}
		pole = new int[capacity];
		period = new int[capacity];
		indicator = new int[capacity];
		value = new double[capacity];
		status = new byte[capacity];
		comment = new String[capacity];
		file = new int[capacity];
		line = new long[capacity];
	}

	public int size() {
		return size;
	}

	public int capacity() {
		return pole.length;
	}

	public boolean isFull() {
		return size == pole.length;
	}

	public boolean isEmpty() {
		return size == 0;
	}

	public void clear() {
		if (comments > 0) {
			Arrays.fill(comment, 0, size, null);
			comments = 0;
		}
		size = 0;
	}

	/**
	 * @param value NaN for null (status M)
	 * @param status one of 'A', 'E', 'P', 'M'
	 * @param comment null for none
	 * @throws IllegalStateException when the batch is full
	 */
	public void add(int pole, int period, int indicator, double value, char status, String comment, int file,
			long line) {
		int row = size;
		if (row == this.pole.length) {
			throw new IllegalStateException("batch full (" + row + " rows)");
		}
		this.pole[row] = pole;
		this.period[row] = period;
		this.indicator[row] = indicator;
		this.value[row] = value;
		this.status[row] = statusCode(status);
		if (comment != null) {
			this.comment[row] = comment;
			comments++;
		}
		this.file[row] = file;
		this.line[row] = line;
		size = row + 1;
	}

	/** Copies one row of another batch. */
	public void add(ObservationBatch from, int row) {
		int to = size;
		if (to == pole.length) {
			throw new IllegalStateException("batch full (" + to + " rows)");
		}
		pole[to] = from.pole[row];
		period[to] = from.period[row];
		indicator[to] = from.indicator[row];
		value[to] = from.value[row];
		status[to] = from.status[row];
		String c = from.comment[row];
		if (c != null) {
			comment[to] = c;
			comments++;
		}
		file[to] = from.file[row];
		line[to] = from.line[row];
		size = to + 1;
	}

	public int pole(int row) {
		return pole[row];
	}

	public int period(int row) {
		return period[row];
	}

	public int indicator(int row) {
		return indicator[row];
	}

	/** NaN for null. */
	public double value(int row) {
		return value[row];
	}

	public char status(int row) {
		return ObservationCodes.STATUSES.charAt(status[row]);
	}

	public String comment(int row) {
		return comment[row];
	}

	public int file(int row) {
		return file[row];
	}

	public long line(int row) {
		return line[row];
	}

	private static byte statusCode(char status) {
		return switch (status) {
			case 'A' -> 0;
			case 'E' -> 1;
			case 'M' -> 2;
			case 'P' -> 3;
			default -> throw new IllegalArgumentException("status '" + status + "' is not one of A, E, P, M");
		};
	}

}
