package fr.ptce.observatory.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * Test data: observation rows written straight into warehouse/observations/year=YYYY/
 * with the real Parquet layout, as an ingest run would (one file per run and year).
 */
final class ObservationFiles {

	static final GeoReferential GEO = GeoReferential.bundled();

	private final List<Observation> rows = new ArrayList<>();

	static Registry registry(String resource) {
		try (InputStream in = ObservationFiles.class.getResourceAsStream(resource)) {
			return Registry.read(resource, in, GEO);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An observation of a pole: period YYYY or YYYY-Qn; a null value is status M. */
	ObservationFiles add(String pole, String period, String indicator, Double value, String sourceFile,
			Instant ingestedAt) {
		int year = Integer.parseInt(period.substring(0, 4));
		Integer quarter = period.length() > 4 ? Integer.valueOf(period.substring(6)) : null;
		rows.add(new Observation(year, pole, period, quarter, indicator, value, "count", value == null ? "M" : "A",
				null, "sha-" + sourceFile, sourceFile, rows.size() + 2, Timestamps.toMicros(ingestedAt)));
		return this;
	}

	ObservationFiles add(String pole, String period, String indicator, double value) {
		return add(pole, period, indicator, value, "base.csv", Instant.parse("2026-01-01T00:00:00Z"));
	}

	/** Writes the rows, one file per year and ingest instant. */
	void write(DataDirectory dir) {
		Map<String, List<Observation>> files = new TreeMap<>();
		for (Observation o : rows) {
			files.computeIfAbsent(o.year() + "/" + o.ingestedAtMicros(), k -> new ArrayList<>()).add(o);
		}
		Provenance provenance = new Provenance(Instant.EPOCH, "c", "r", "test");
		files.forEach((key, list) -> {
			int year = list.get(0).year();
			Tables.OBSERVATION.writeFile(
					dir.partition(Tables.OBSERVATIONS, year).resolve("run-" + key.substring(5) + ".parquet"),
					provenance, list);
		});
		rows.clear();
	}

}
