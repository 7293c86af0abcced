package fr.ptce.observatory.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;

/**
 * The bundled samples as the warehouse holds them after `demo`'s ingest
 * (src/test/resources/samples-warehouse: the observations of data-samples/ ingested on
 * 2026-12-01, and the aggregates the pipeline published from them before methodology
 * section 4 was rewritten), aggregated again by today's code into a data directory.
 */
final class SamplesWarehouse {

	static final int FIRST = 2015;

	static final int LAST = 2025;

	static final Instant AS_OF = Instant.parse("2026-12-02T00:00:00Z");

	static final GeoReferential GEO = GeoReferential.bundled();

	static final Registry REGISTRY = Registry.bundled(GEO);

	private static final Path FIXTURE = fixture();

	final DataDirectory dir;

	private SamplesWarehouse(DataDirectory dir) {
		this.dir = dir;
	}

	/**
	 * Copies the samples' observations into {@code root} and aggregates every year of the
	 * samples.
	 */
	static SamplesWarehouse aggregate(Path root) {
		DataDirectory dir = new DataDirectory(root);
		dir.createLayout();
		copy(FIXTURE.resolve("observations"), dir.table(Tables.OBSERVATIONS));
		Catalogue catalogue = Catalogue.bundled();
		new AggregateEngine(REGISTRY, catalogue, GEO, dir,
				new Provenance(AS_OF, catalogue.sha256(), REGISTRY.sha256(), "test"), 2)
			.run(FIRST, LAST, AS_OF, s -> {
			});
		return new SamplesWarehouse(dir);
	}

	/** The aggregates of a year as this code publishes them. */
	List<AggregateCell> aggregates(int year) {
		return TableReaders.readPartition(dir, Tables.AGGREGATES, year, TableReaders::aggregates);
	}

	/**
	 * The aggregates of a year as the code before the rewritten section 4 published them.
	 */
	static List<AggregateCell> aggregatesBefore(int year) {
		return TableReaders.aggregates(FIXTURE.resolve("aggregates-before/year=" + year + "/part-0.parquet"));
	}

	/**
	 * Every pole's yearly values of a year (the truth the attacker is after), by pole_id
	 * and indicator.
	 */
	Map<String, Map<String, Double>> poleValues(int year) {
		Map<String, Map<String, Double>> values = new HashMap<>();
		for (PoleValue v : TableReaders.readPartition(dir, Tables.POLE_VALUES, year, TableReaders::poleValues)) {
			values.computeIfAbsent(v.indicator(), k -> new HashMap<>()).put(v.poleId(), v.value());
		}
		return values;
	}

	private static Path fixture() {
		try {
			return Path.of(SamplesWarehouse.class.getResource("/samples-warehouse").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
