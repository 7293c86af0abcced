package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock of the data directory held by one run at a time across processes (a
 * command-line run beside a server, two servers, two runs of one server): an OS lock on a
 * file, which the system releases when its holder dies, so that a kill -9 never leaves it
 * stale; and a permit of this JVM before it, since a JVM may not take the same file lock
 * twice. The permit is not tied to a thread: a lock may be released by another thread
 * than the one that took it (a job-scoped bean closed at the end of its run).
 */
public final class ProcessLock implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(ProcessLock.class);

	/** One per lock file of this JVM: a handful of entries, never removed. */
	private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();

	private final Semaphore local;

	private final FileChannel channel;

	private final FileLock lock;

	private ProcessLock(Semaphore local, FileChannel channel, FileLock lock) {
		this.local = local;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * The lock of the file, or null when another run (of this JVM or another) holds it.
	 */
	public static ProcessLock tryAcquire(Path file) {
		Semaphore local = local(file);
		return local.tryAcquire() ? open(file, local, false) : null;
	}

	/** The lock of the file, waiting for the run that holds it. */
	public static ProcessLock acquire(Path file) {
		Semaphore local = local(file);
		local.acquireUninterruptibly();
		return open(file, local, true);
	}

	private static Semaphore local(Path file) {
		return IN_THIS_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Semaphore(1));
	}

	private static ProcessLock open(Path file, Semaphore local, boolean wait) {
		FileChannel channel = null;
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null && wait) {
				LOG.info("another process holds {}: waiting for it", file);
				lock = channel.lock();
			}
			if (lock == null) {
				channel.close();
				local.release();
				return null;
			}
			return new ProcessLock(local, channel, lock);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			local.release();
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
			local.release();
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
