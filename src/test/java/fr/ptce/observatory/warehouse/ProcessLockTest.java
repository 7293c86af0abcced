package fr.ptce.observatory.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock of one run at a time in this JVM (the cross-process case is
 * ExtractVersionsTest's, with a child JVM): a second try gets nothing while it is held, a
 * wait ends when it is released, from whichever thread releases it.
 */
class ProcessLockTest {

	@TempDir
	Path dir;

	@Test
	void aSecondRunIsRefusedOrWaitsUntilTheFirstReleases() throws Exception {
		Path file = dir.resolve("locks/x.lock");
		ProcessLock first = ProcessLock.tryAcquire(file);
		assertThat(first).isNotNull();
		assertThat(ProcessLock.tryAcquire(dir.resolve("locks/../locks/x.lock"))).isNull();

		CompletableFuture<ProcessLock> waiting = CompletableFuture.supplyAsync(() -> ProcessLock.acquire(file));
		Thread.sleep(300);
		assertThat(waiting).isNotDone();

		// released by another thread than the one that took it (a job-scoped bean at the
		// end of its run)
		CompletableFuture.runAsync(first::close).get(10, TimeUnit.SECONDS);
		ProcessLock second = waiting.get(10, TimeUnit.SECONDS);
		second.close();
		ProcessLock third = ProcessLock.tryAcquire(file);
		assertThat(third).isNotNull();
		third.close();
	}

}
