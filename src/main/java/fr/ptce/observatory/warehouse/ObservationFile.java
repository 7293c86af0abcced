package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.ParquetFileWriter;

/**
 * One observations file being written from rows in code form: the same layout, encodings
 * and key-value metadata as {@link Tables#OBSERVATION} writes through parquet-mr's record
 * path, at a fraction of its cost (see {@link ObservationEncoder}). Like
 * {@link ParquetTable.Sink}, the file is written under a hidden temporary name and
 * appears under its final name only once committed ({@link AtomicFiles}).
 *
 * The pages are encoded here ({@link ObservationEncoder}: int codes to dictionary ids,
 * bulk RLE/bit-packing, statistics from precomputed ranks), which is where the time goes;
 * parquet-java's {@link ParquetFileWriter} frames them (page headers with CRC-32, column
 * chunk metadata, offset indexes, footer), and {@link FooterRewrite} gives the footer
 * this program's name as created_by.
 *
 * Memory: an open file buffers up to {@code rowGroupRows} rows (37 bytes a row, plus
 * comments), encoding scratch is shared by the files of a thread. Not thread-safe: one
 * thread adds, commits and closes.
 */
public final class ObservationFile implements AutoCloseable {

	/**
	 * The zstd level of the pages: parquet-mr's default, 3, unless
	 * {@code -Dobservatory.parquet.zstd-level=N} (1 is faster, files are a little
	 * larger).
	 */
	public static final String ZSTD_LEVEL_PROPERTY = "observatory.parquet.zstd-level";

	private static final int DEFAULT_ZSTD_LEVEL = 3;

	private final Path target;

	private final Path temporary;

	private final ParquetFileWriter writer;

	private final ObservationCodes codes;

	private final long ingestedAtMicros;

	private final Map<String, String> metadata;

	private final int zstdLevel;

	private final ObservationBatch buffer;

	private long rows;

	private boolean finished;

	private boolean committed;

	/**
	 * Buffered rows at which the next row group is written: the capacity, except maybe
	 * for the first one.
	 */
	private int flushAt;

	private ObservationFile(Path target, Path temporary, ParquetFileWriter writer, ObservationCodes codes,
			long ingestedAtMicros, Map<String, String> metadata, int zstdLevel, int rowGroupRows) {
		this.target = target;
		this.temporary = temporary;
		this.writer = writer;
		this.codes = codes;
		this.ingestedAtMicros = ingestedAtMicros;
		this.metadata = metadata;
		this.zstdLevel = zstdLevel;
		this.buffer = new ObservationBatch(rowGroupRows);
		this.flushAt = rowGroupRows;
	}

	/**
	 * @param ingestedAtMicros the ingested_at of every row of the file
	 * @param rowGroupRows rows buffered before a row group is encoded and written (memory
	 * bound of an open file)
	 */
	public static ObservationFile open(Path target, Provenance provenance, ObservationCodes codes,
			long ingestedAtMicros, int rowGroupRows) {
		if (rowGroupRows < 1) {
			throw new IllegalArgumentException("a row group holds at least one row, not " + rowGroupRows);
		}
		int level = Integer.getInteger(ZSTD_LEVEL_PROPERTY, DEFAULT_ZSTD_LEVEL);
		Path tmp = AtomicFiles.temporarySibling(target);
		ParquetFileWriter writer = null;
		try {
			Files.createDirectories(target.getParent());
			// no padding (a local file has no blocks to align row groups with), CRC-32 of
			// the pages as parquet-mr's
			// default; truncation lengths are parquet-mr's defaults, though no column
			// index is written
			writer = new ParquetFileWriter(new BufferedOutputFile(tmp), ObservationLayout.SCHEMA,
					ParquetFileWriter.Mode.CREATE, Long.MAX_VALUE, 0, 64, Integer.MAX_VALUE, true);
			writer.start();
			Map<String, String> metadata = new LinkedHashMap<>(provenance.keyValueMetadata());
			// what ParquetWriter adds for the reference writer's WriteSupport: the
			// footers stay alike
			metadata.put("writer.model.name", "observatory");
			return new ObservationFile(target, tmp, writer, codes, ingestedAtMicros, metadata, level, rowGroupRows);
		}
		catch (IOException | RuntimeException ex) {
			if (writer != null) {
				abort(writer);
			}
			AtomicFiles.deleteQuietly(tmp);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("cannot open " + target + " for writing: " + ex.getMessage(), io);
			}
			throw (RuntimeException) ex;
		}
	}

	/**
	 * Cuts the first row group short, at {@code rows} rows. A writer that fills several
	 * files at the same pace (one per year) staggers their first row groups, so that they
	 * are not all encoded at the same moment while whoever feeds the writer waits.
	 * @return this file
	 */
	public ObservationFile firstRowGroup(int rows) {
		if (this.rows == 0) {
			flushAt = Math.max(1, Math.min(rows, buffer.capacity()));
		}
		return this;
	}

	/**
	 * Writes and deletes a one-row file in a folder. The first file a JVM writes loads
	 * and runs cold the encoder, zstd-jni's native library, ParquetFileWriter and its
	 * metadata converter (240 ms of CPU measured once logging is set up, 340 ms in a bare
	 * JVM, when the footer was last written this way): a writer thread that does this
	 * while its feeder is still busy elsewhere keeps that time off its first real files.
	 */
	public static void preload(Path folder, Provenance provenance) {
		ObservationCodes codes = new ObservationCodes(List.of("PTCE-0000"), 2000, 2000, List.of("CODE"),
				List.of("count"));
		int file = codes.addFile("0".repeat(64), "preload.csv");
		ObservationBatch row = new ObservationBatch(1);
		row.add(0, 0, 0, 1.0, 'A', null, file, 1);
		Path target = folder.resolve(".preload-" + Thread.currentThread().getId() + ".parquet");
		try (ObservationFile preload = open(target, provenance, codes, 0, 1)) {
			preload.add(row, 0);
			preload.commit();
		}
		AtomicFiles.deleteQuietly(target);
	}

	/**
	 * Buffers a copy of the row; writes a row group when {@code rowGroupRows} rows are
	 * buffered.
	 */
	public void add(ObservationBatch from, int row) {
		if (finished) {
			throw new IllegalStateException(target + " is already " + (committed ? "committed" : "closed"));
		}
		buffer.add(from, row);
		rows++;
		if (buffer.size() >= flushAt) {
			flush();
			flushAt = buffer.capacity();
		}
	}

	public long rows() {
		return rows;
	}

	public Path target() {
		return target;
	}

	/**
	 * Writes the last row group and the footer, then renames the file to its final name.
	 */
	public void commit() {
		commitTo(target);
	}

	/**
	 * Like {@link #commit()}, under a name of the caller's choice (for a staging area
	 * published later).
	 */
	public void commitTo(Path other) {
		if (finished) {
			throw new IllegalStateException(target + " is already " + (committed ? "committed" : "closed"));
		}
		try {
			flush();
			writer.end(metadata);
			finished = true;
			FooterRewrite.withCreatedBy(temporary, writer.getFooter(), ObservationLayout.CREATED_BY);
			AtomicFiles.move(temporary, other);
			committed = true;
		}
		catch (IOException | RuntimeException ex) {
			close();
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("cannot finish " + target + ": " + ex.getMessage(), io);
			}
			throw (RuntimeException) ex;
		}
	}

	/**
	 * Without commit: discards the file (the temporary one is deleted); after commit:
	 * nothing.
	 */
	@Override
	public void close() {
		if (committed) {
			return;
		}
		boolean wasFinished = finished;
		finished = true;
		if (!wasFinished) {
			abort(writer);
		}
		AtomicFiles.deleteQuietly(temporary);
	}

	private static void abort(ParquetFileWriter writer) {
		writer.abort();
		try {
			writer.close();
		}
		catch (IOException ignored) {
			// the file is deleted anyway
		}
	}

	private void flush() {
		if (buffer.isEmpty()) {
			return;
		}
		ObservationEncoder encoder = ObservationEncoder.acquire();
		try {
			writer.startBlock(buffer.size());
			encoder.writeRowGroup(writer, zstdLevel, buffer, codes, ingestedAtMicros);
			writer.endBlock();
			encoder.release();
		}
		catch (IOException ex) {
			encoder.discard();
			close();
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException | Error ex) {
			encoder.discard();
			close();
			throw ex;
		}
		buffer.clear();
	}

}
