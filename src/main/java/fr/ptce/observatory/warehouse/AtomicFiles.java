package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;

/**
 * Write then move: every file a reader may see (Parquet, receipts, publications) is
 * written under a hidden temporary name in its final folder, then renamed over its final
 * name in one atomic step, so that no half-written file is ever visible. Hidden names
 * start with a dot, which DuckDB's, Spark's and Arrow's globs and Hive-partition
 * discovery skip.
 */
public final class AtomicFiles {

	@FunctionalInterface
	public interface Writer {

		void write(Path temporary) throws IOException;

	}

	private AtomicFiles() {
	}

	public static Path temporarySibling(Path target) {
		return target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
	}

	public static void write(Path target, Writer writer) {
		Path tmp = temporarySibling(target);
		try {
			Files.createDirectories(target.getParent());
			writer.write(tmp);
			move(tmp, target);
		}
		catch (IOException ex) {
			deleteQuietly(tmp);
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			deleteQuietly(tmp);
			throw ex;
		}
	}

	public static void writeString(Path target, String content) {
		write(target, tmp -> Files.writeString(tmp, content));
	}

	/** Atomic rename, replacing the target: readers see the old file or the new one. */
	public static void move(Path source, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("the data directory must be on one file system so that files can be renamed"
					+ " atomically: " + source + " -> " + target, ex);
		}
	}

	public static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// a leftover hidden temporary file is cleaned up by the next run
		}
	}

	public static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete " + root + ": " + ex.getMessage(), ex);
		}
	}

}
