package fr.ptce.observatory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Waiting for work done on another thread as if it had been done on this one: its
 * exception comes out as it was thrown (a bad file's message stays the message), not
 * wrapped by the future.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * Work for the other core, on a thread of its own (a daemon: the caller joins it),
	 * for a one-off task of a command's start, where a pool would cost more than it
	 * saves.
	 */
	public static <T> CompletableFuture<T> onNewThread(String name, Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, task -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			thread.start();
		});
	}

	/**
	 * The future's value, or its failure: unchecked as thrown, checked wrapped with its
	 * message.
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause == null ? ex.getMessage() : cause.getMessage(), cause);
		}
	}

}
