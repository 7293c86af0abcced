package fr.ptce.observatory.ingest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row loop of one file, the only one: each data row is read, validated, and handed to
 * a {@link Sink}, which the job fills its spools from and the tests collect lists with.
 * Per row there is no allocation on the common path and no framework call: rows are not
 * Spring Batch items (the file is), because a callback, a listener and a list per item
 * would cost more than reading and validating the row does.
 */
final class RowLoop {

	private static final Logger log = LoggerFactory.getLogger(RowLoop.class);

	/** What the loop hands out, row by row, in line order. */
	interface Sink {

		/** An accepted row; the instance is reused for the next row. */
		void accepted(AcceptedRow row);

		/** The reason a row is rejected. */
		void rejected(Issue reason);

		/** A warning of the row just handed out. */
		void warning(Issue warning);

	}

	/**
	 * How many data rows were read (an unreadable end of file counts as one) and how many
	 * rejected.
	 */
	record Counts(long read, long rejected) {
	}

	private RowLoop() {
	}

	/**
	 * Validates every data row of a file, and the end of the file when it cannot be read
	 * as CSV.
	 * @param name the file's name, for the progress of long files and the log
	 */
	static Counts run(String name, SubmissionReader reader, SubmissionValidation validation, Sink sink) {
		AcceptedRow row = new AcceptedRow();
		// a row's own warnings, handed out after each row: the list never holds more than
		// one row's
		List<Issue> warnings = new ArrayList<>();
		long read = 0;
		long rejected = 0;
		SubmissionReader.Row raw;
		while ((raw = reader.next()) != null) {
			read++;
			if ((read & 0xFFFFF) == 0) {
				Progress.rows(name, read);
			}
			Issue reason = validation.validate(raw, row, warnings);
			if (reason == null) {
				sink.accepted(row);
			}
			else {
				rejected++;
				sink.rejected(reason);
			}
			if (!warnings.isEmpty()) {
				for (Issue warning : warnings) {
					sink.warning(warning);
				}
				warnings.clear();
			}
		}
		if (reader.brokenAfterLine() >= 0) {
			read++;
			rejected++;
			sink.rejected(Messages.unreadableRest(reader.brokenAfterLine() + 1));
			log.warn("{}: unreadable after line {} ({})", name, reader.brokenAfterLine(), reader.parseFailure());
		}
		return new Counts(read, rejected);
	}

}
