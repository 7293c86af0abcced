package fr.ptce.observatory.ingest;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The issues of one file, on disk until its receipt is written, so that memory grows neither with its rejected
 * rows nor with its warnings (a valid file can have one on every row). Each spool is in line order; the receipt
 * merges them with the header's warnings, the cross-row ones and the jumps ({@link IssueMerge}).
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
	 * The data rows with at least one warning: lines are in order, so a line with several is counted once; the
	 * header's warnings are listed in the receipt but not counted. Counted on a pass of their own, because the
	 * receipt's head, written first, gives the count.
	 */
	long rowsWithWarnings(SubmissionReader.Header header, Iterable<Issue> crossRow, boolean stored) {
		long rows = 0;
		long lastLine = header.line();
		Iterator<Issue> all = issues(false, header, crossRow, stored).iterator();
		while (all.hasNext()) {
			long line = all.next().line();
			if (line != lastLine) {
				rows++;
				lastLine = line;
			}
		}
		return rows;
	}

	/**
	 * A file's issues in line order, read from the spools each time they are walked. On one line: errors first,
	 * then the header's warnings, the row's own, the cross-row ones, and the jumps, decided last (those of a
	 * stored file only).
	 * @param withErrors false for the warnings only
	 */
	ReceiptWriter.Issues issues(boolean withErrors, SubmissionReader.Header header, Iterable<Issue> crossRow,
			boolean stored) {
		return () -> {
			List<IssueMerge.Source> sources = new ArrayList<>();
			if (withErrors) {
				sources.add(IssueMerge.Source.of(errors));
			}
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
