package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import fr.ptce.observatory.warehouse.DataDirectory;

/**
 * One ingest at a time per data directory, across processes (a command-line run and a
 * server): an OS file lock on DATA_DIR/.ingest.lock, which the OS releases if the process
 * dies, so a crash never leaves it stale.
 */
public final class IngestLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private IngestLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * @return the lock, or null when another run holds it
	 */
	public static IngestLock tryAcquire(DataDirectory dir) {
		Path file = dir.root().resolve(".ingest.lock");
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return null;
			}
			return new IngestLock(channel, lock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot lock " + file + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
