package fr.ptce.observatory.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import fr.ptce.observatory.warehouse.ObservationBatch;

/**
 * Encodes observations into Parquet on a thread of its own, fed through a small bounded
 * queue: Parquet encoding is the largest cost of an ingest, and this way it overlaps with
 * reading and validating rows on the job's thread. The queue carries batches of rows in
 * code form, each for one {@link Target} (a set of open year files), and commands (commit
 * or discard a target's files), all run in the order they were handed, on the writer
 * thread: so the targets are only ever touched by that thread until {@link #finish()}.
 * Memory stays bounded by the queue; a failure of the writer is rethrown to the job's
 * thread at its next call.
 */
final class ObservationWriter implements AutoCloseable {

	/** Where a batch of rows goes; used by the writer thread only. */
	interface Target {

		void write(ObservationBatch rows);

	}

	private static final int BATCH = 8192;

	/**
	 * Batches the writer thread is done with, for the job's thread to fill again (no
	 * garbage per batch).
	 */
	private final BlockingQueue<ObservationBatch> free = new ArrayBlockingQueue<>(40);

	private static final Runnable END = () -> {
	};

	/**
	 * Room for about 250,000 rows (10 MB): the job thread runs ahead while the writer
	 * encodes row groups.
	 */
	private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(32);

	private final Thread thread;

	private Target batchTarget;

	private ObservationBatch batch = new ObservationBatch(BATCH);

	private volatile Throwable failure;

	private boolean finished;

	ObservationWriter(String name) {
		this.thread = new Thread(() -> {
			try {
				while (true) {
					Runnable next = queue.take();
					if (next == END) {
						return;
					}
					next.run();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Throwable ex) {
				failure = ex;
				queue.clear();
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Hands a row, in code form, for the target's files. */
	void write(Target target, int pole, int period, int indicator, double value, char status, String comment, int file,
			long line) {
		if (target != batchTarget) {
			flush();
			batchTarget = target;
		}
		batch.add(pole, period, indicator, value, status, comment, file, line);
		if (batch.isFull()) {
			flush();
		}
	}

	/**
	 * Runs a command on the writer thread, after every row and command handed before it.
	 */
	void run(Runnable command) {
		flush();
		hand(command);
	}

	private void flush() {
		if (batch.isEmpty()) {
			return;
		}
		ObservationBatch rows = batch;
		Target target = batchTarget;
		ObservationBatch recycled = free.poll();
		batch = recycled != null ? recycled : new ObservationBatch(BATCH);
		hand(() -> {
			target.write(rows);
			rows.clear();
			free.offer(rows);
		});
	}

	private void hand(Runnable task) {
		rethrow();
		try {
			while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
				rethrow();
				if (!thread.isAlive()) {
					throw new IllegalStateException("the Parquet writer thread stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing observations", ex);
		}
	}

	/**
	 * Waits until everything handed so far is done; the writer is finished afterwards.
	 */
	void finish() {
		if (finished) {
			return;
		}
		finished = true;
		flush();
		hand(END);
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing observations", ex);
		}
		rethrow();
	}

	private void rethrow() {
		Throwable t = failure;
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error e) {
			throw e;
		}
		if (t != null) {
			throw new IllegalStateException(t);
		}
	}

	@Override
	public void close() {
		if (!finished) {
			finished = true;
			thread.interrupt();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
