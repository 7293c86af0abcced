package fr.ptce.observatory.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the same work on each partner's draft on a few threads (two at most: the machine is shared), and waits
 * for all of them; the first failure is rethrown. Each draft is touched by one thread at a time.
 */
final class Parallel implements AutoCloseable {

	private final ExecutorService pool;

	Parallel(int threads) {
		this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "extract-writer");
			t.setDaemon(true);
			return t;
		});
	}

	<T> void forEach(List<T> items, Consumer<T> work) {
		if (pool == null || items.size() < 2) {
			items.forEach(work);
			return;
		}
		List<Future<?>> futures = new ArrayList<>();
		for (T item : items) {
			futures.add(pool.submit(() -> work.accept(item)));
		}
		RuntimeException failure = null;
		for (Future<?> f : futures) {
			try {
				f.get();
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = ex.getCause() instanceof RuntimeException r ? r
							: new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while writing the extracts", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public void close() {
		if (pool != null) {
			pool.shutdownNow();
		}
	}

}
