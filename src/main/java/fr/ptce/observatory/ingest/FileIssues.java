package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The issues of one file, on disk until its receipt is written, so that memory grows
 * neither with its rejected rows nor with its warnings (a valid file can have one on
 * every row). Each spool is in line order; the receipt merges them with the header's
 * warnings, the cross-row ones and the jumps ({@link IssueMerge}).
 */
final class FileIssues implements Closeable {

	private final Spool errors;

	private final Spool warnings;

	private final JumpCheck jumps;

	FileIssues(Path staging, JumpCheck jumps) {
		this.errors = new Spool(staging.resolve(".errors.spool"));
		this.warnings = new Spool(staging.resolve(".warnings.spool"));
		this.jumps = jumps;
	}

	/** Starts a file. */
	void reset() {
		errors.reset();
		warnings.reset();
	}

	void error(Issue reason) {
		errors.write(reason);
	}

	void warning(Issue warning) {
		warnings.write(warning);
	}

	/**
	 * The data rows with at least one warning: a line with several is counted once; the
	 * header's warnings are listed in the receipt but not counted. Counted on a pass of
	 * their own, because the receipt's head, written first, gives the count: a pass over
	 * the lines only, in line order, neither decoding nor making the texts.
	 */
	long rowsWithWarnings(SubmissionReader.Header header, MemberConsistency crossRow, boolean stored) {
		long[] crossRowLines = crossRow.lines();
		int[] next = { 0 };
		List<Lines> sources = new ArrayList<>();
		sources.add(Lines.of(warnings));
		sources.add(() -> next[0] < crossRowLines.length ? crossRowLines[next[0]++] : -1);
		if (stored) {
			sources.add(Lines.of(jumps.jumps()));
			sources.add(Lines.of(jumps.laterJumps()));
		}
		long[] heads = new long[sources.size()];
		for (int s = 0; s < heads.length; s++) {
			heads[s] = sources.get(s).next();
		}
		long rows = 0;
		long lastLine = header.line();
		while (true) {
			int min = -1;
			for (int s = 0; s < heads.length; s++) {
				if (heads[s] >= 0 && (min < 0 || heads[s] < heads[min])) {
					min = s;
				}
			}
			if (min < 0) {
				break;
			}
			if (heads[min] != lastLine) {
				rows++;
				lastLine = heads[min];
			}
			heads[min] = sources.get(min).next();
		}
		sources.forEach(Lines::close);
		return rows;
	}

	/** The lines of a source of issues, in order; -1 at the end. */
	private interface Lines extends AutoCloseable {

		long next();

		@Override
		default void close() {
		}

		static Lines of(Spool spool) {
			if (spool.records() == 0) {
				return () -> -1;
			}
			Spool.Reader in = spool.read();
			return new Lines() {

				@Override
				public long next() {
					return in.nextIssueLine();
				}

				@Override
				public void close() {
					in.close();
				}
			};
		}

	}

	/**
	 * A file's issues in line order, read from the spools each time they are walked. On
	 * one line: errors first, then the header's warnings, the row's own, the cross-row
	 * ones, and the jumps, decided last (those of a stored file only).
	 */
	ReceiptWriter.Issues issues(SubmissionReader.Header header, Iterable<Issue> crossRow, boolean stored) {
		return () -> {
			List<IssueMerge.Source> sources = new ArrayList<>();
			sources.add(IssueMerge.Source.of(errors));
			sources.add(IssueMerge.Source.of(header.warnings()));
			sources.add(IssueMerge.Source.of(warnings));
			sources.add(IssueMerge.Source.of(crossRow));
			if (stored) {
				sources.add(IssueMerge.Source.of(jumps.jumps()));
				sources.add(IssueMerge.Source.of(jumps.laterJumps()));
			}
			return new IssueMerge(sources);
		};
	}

	@Override
	public void close() {
		errors.close();
		warnings.close();
	}

}
