package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of the data directory (interfaces.md). One place knows where things go; the
 * rest asks it.
 */
public record DataDirectory(Path root) {

	public DataDirectory {
		root = root.toAbsolutePath().normalize();
	}

	public Path inbox() {
		return root.resolve("inbox");
	}

	public Path archive() {
		return root.resolve("archive");
	}

	public Path quarantine() {
		return root.resolve("quarantine");
	}

	public Path rejected() {
		return root.resolve("rejected");
	}

	public Path receipts() {
		return root.resolve("receipts");
	}

	public Path warehouse() {
		return root.resolve("warehouse");
	}

	/** A table of the warehouse: observations, pole_values, aggregates, trends. */
	public Path table(String name) {
		return warehouse().resolve(name);
	}

	/**
	 * A Hive-style partition folder, year=YYYY: the partition column is in the path, not
	 * in the files.
	 */
	public Path partition(String table, int year) {
		return table(table).resolve("year=" + year);
	}

	/**
	 * Work in progress of a run, invisible to readers of the tables, rolled forward or
	 * back at the next run.
	 */
	public Path staging() {
		return warehouse().resolve("_staging");
	}

	public Path publications(int year) {
		return root.resolve("publications").resolve(Integer.toString(year));
	}

	public Path extracts(String partner) {
		return root.resolve("extracts").resolve(partner);
	}

	/**
	 * Secrets the server generates for itself (the signed links' key), readable by the
	 * owner only.
	 */
	public Path secrets() {
		return root.resolve("secrets");
	}

	public Path database() {
		return root.resolve("db");
	}

	public void createLayout() {
		try {
			for (Path p : new Path[] { inbox(), archive(), quarantine(), rejected(), receipts(), warehouse(),
					database() }) {
				Files.createDirectories(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the data directory " + root + ": " + ex.getMessage(), ex);
		}
	}

}
