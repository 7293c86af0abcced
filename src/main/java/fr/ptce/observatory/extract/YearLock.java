package fr.ptce.observatory.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only one extract of a year is built at a time, across processes: a command-line
 * {@code extract} beside a server (on PostgreSQL both may run), two servers on one data
 * directory, two runs of one server. Without it, a second run deletes the first one's
 * hidden drafts as leftovers of a dead run. An exclusive OS lock on
 * {@code DATA_DIR/locks/extract-YYYY.lock} (outside extracts/, which is served), which
 * the system releases when the holder dies (no stale lock after a kill -9), and a lock of
 * the JVM before it (a JVM may not take the same file lock twice). A second run waits for
 * the first, then finds its versions in place and writes nothing.
 */
final class YearLock implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(YearLock.class);

	/** One per year of this JVM: a handful of entries, never removed. */
	private static final Map<Integer, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

	private final ReentrantLock local;

	private final FileChannel channel;

	private final FileLock lock;

	private YearLock(ReentrantLock local, FileChannel channel, FileLock lock) {
		this.local = local;
		this.channel = channel;
		this.lock = lock;
	}

	/** Takes the lock of the year, waiting for the run that holds it. */
	static YearLock take(Path locks, int year) {
		ReentrantLock local = IN_THIS_JVM.computeIfAbsent(year, y -> new ReentrantLock());
		local.lock();
		Path file = locks.resolve("extract-" + year + ".lock");
		FileChannel channel = null;
		try {
			Files.createDirectories(locks);
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				LOG.info("another process builds the extracts of {}: waiting for it", year);
				lock = channel.lock();
			}
			return new YearLock(local, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			local.unlock();
			throw new UncheckedIOException("cannot lock " + file + ": " + ex.getMessage(),
					ex instanceof IOException io ? io : new IOException(ex));
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
		}
		catch (IOException ex) {
			LOG.warn("cannot release {}: {}", lock, ex.getMessage());
		}
		finally {
			closeQuietly(channel);
			local.unlock();
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			LOG.warn("cannot close a lock file: {}", ex.getMessage());
		}
	}

}
