package fr.ptce.observatory.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import fr.ptce.observatory.warehouse.Observation;

/**
 * Encodes observations into Parquet on a thread of its own, fed in batches through a small bounded queue:
 * Parquet encoding is the largest cost of an ingest, and this way it overlaps with reading and validating the
 * next rows and files on the job's thread. Memory stays bounded by the queue; a failure of the writer is
 * rethrown to the job's thread at its next call.
 */
final class ObservationWriter implements AutoCloseable {

	private static final int BATCH = 8192;

	private static final List<Observation> END = List.of();

	private final BlockingQueue<List<Observation>> queue = new ArrayBlockingQueue<>(8);

	private final Thread thread;

	private List<Observation> batch = new ArrayList<>(BATCH);

	private volatile Throwable failure;

	private boolean finished;

	ObservationWriter(Consumer<Observation> sink, String name) {
		this.thread = new Thread(() -> {
			try {
				while (true) {
					List<Observation> next = queue.take();
					if (next == END) {
						return;
					}
					for (Observation o : next) {
						sink.accept(o);
					}
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

	void write(Observation observation) {
		batch.add(observation);
		if (batch.size() == BATCH) {
			hand(batch);
			batch = new ArrayList<>(BATCH);
		}
	}

	private void hand(List<Observation> rows) {
		rethrow();
		try {
			while (!queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
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

	/** Waits until everything handed so far is written; the writer is finished afterwards. */
	void finish() {
		if (finished) {
			return;
		}
		finished = true;
		if (!batch.isEmpty()) {
			hand(batch);
			batch = new ArrayList<>();
		}
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
