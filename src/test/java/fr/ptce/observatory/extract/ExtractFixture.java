package fr.ptce.observatory.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.ptce.observatory.aggregate.AggregateEngine;
import fr.ptce.observatory.aggregate.RandomStore;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;

/**
 * A warehouse made by the real aggregation engine for the extract tests: 120 random poles
 * in four regions, ten years of observations (2016-2025) with revisions, aggregated as of
 * {@link #AS_OF}. A third of the poles refused open data, and networks are drawn at
 * random, so that for every partner the pole rule matters both ways: members without
 * consent, consenting poles of other networks, and consenting members.
 */
final class ExtractFixture {

	static final int YEAR = 2025;

	static final Instant AS_OF = Instant.parse("2026-03-31T06:00:00Z");

	static final String VERSION = "20260331T060000Z";

	final Path root;

	final Path registryFile;

	final Registry registry;

	final DataDirectory dir;

	final Catalogue catalogue = Catalogue.bundled();

	ExtractFixture(Path root) {
		this.root = root;
		this.registryFile = root.resolve("registry.csv");
		Random random = new Random(20261201L);
		RandomStore.registry(random, 120, 30, List.of("11", "84", "93", "53"), 2015, registryFile);
		withdrawConsentOfEveryThirdPole(registryFile);
		this.registry = Registry.load(registryFile, RandomStore.GEO);
		this.dir = new DataDirectory(root.resolve("data"));
		dir.createLayout();
		RandomStore.observations(random, registry, catalogue, dir, YEAR - 9, YEAR, 0.8);
		aggregate(AS_OF);
	}

	/**
	 * Runs the aggregation of the ten years as of an instant, as the aggregate job does.
	 */
	void aggregate(Instant asOf) {
		new AggregateEngine(registry, catalogue, RandomStore.GEO, dir,
				new Provenance(asOf, catalogue.sha256(), registry.sha256(), "test"), 2)
			.run(YEAR - 9, YEAR, asOf, s -> {
			});
	}

	private static void withdrawConsentOfEveryThirdPole(Path file) {
		try {
			List<String> lines = new ArrayList<>(Files.readAllLines(file));
			for (int i = 3; i < lines.size(); i += 3) {
				lines.set(i, lines.get(i).replaceAll(",yes$", ",no"));
			}
			Files.write(file, lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
