package fr.ptce.observatory.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A year asked of a job that reads the aggregates (report, extract) has none: a usage
 * error (exit status 2 from the command line, 400 from the operator API) saying what to
 * run first. One check for every reader, so that the command, the API and the job itself
 * agree on what "has aggregates" means: a {@code part-*.parquet} file in the year's
 * partition, which the aggregation job renames into place only when whole.
 */
public class MissingAggregatesException extends IllegalArgumentException {

	public MissingAggregatesException(int year, String job) {
		super("no aggregates for " + year + ": run 'aggregate --year " + year + "' first, then '" + job + " --year "
				+ year + "'");
	}

	/** Whether year Y has aggregates. */
	public static boolean present(DataDirectory dir, int year) {
		Path folder = dir.partition(Tables.AGGREGATES, year);
		return Files.isDirectory(folder) && !ParquetScan.files(folder).isEmpty();
	}

	/**
	 * @param job the command that needs them (report, extract), named in the message
	 * @throws MissingAggregatesException when year Y has none
	 */
	public static void require(DataDirectory dir, int year, String job) {
		if (!present(dir, year)) {
			throw new MissingAggregatesException(year, job);
		}
	}

}
