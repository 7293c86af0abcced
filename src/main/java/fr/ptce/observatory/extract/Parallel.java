package fr.ptce.observatory.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import fr.ptce.observatory.Futures;

/**
 * The writing work of an extract run as tasks on a few threads (two at most: the machine
 * is shared), each partner's work chained in order so that a draft is touched by one
 * thread at a time, while the calling thread reads the warehouse. {@link #await} waits
 * for every task, even after a failure (so that no task still writes into a draft being
 * deleted), then rethrows the first failure.
 */
final class Parallel {

	private final ExecutorService pool;

	Parallel(int threads) {
		this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
			Thread t = new Thread(r, "extract-writer");
			t.setDaemon(true);
			return t;
		});
	}

	CompletableFuture<Void> run(Runnable work) {
		return CompletableFuture.runAsync(work, pool);
	}

	/**
	 * The work, once everything it depends on is done (and not at all if any of it
	 * failed).
	 */
	CompletableFuture<Void> after(Collection<CompletableFuture<Void>> before, Runnable work) {
		return CompletableFuture.allOf(before.toArray(CompletableFuture[]::new)).thenRunAsync(work, pool);
	}

	static void await(Collection<CompletableFuture<Void>> tasks) {
		List<CompletableFuture<Void>> all = new ArrayList<>(tasks);
		settle(all);
		for (CompletableFuture<Void> task : all) {
			Futures.join(task);
		}
	}

	/** Waits until every task has ended, failed or not. */
	static void settle(Collection<CompletableFuture<Void>> tasks) {
		CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).handle((v, ex) -> null).join();
	}

	/**
	 * Stops the threads; only once every task has ended (a queued task dropped would
	 * never complete).
	 */
	void close() {
		pool.shutdownNow();
	}

}
