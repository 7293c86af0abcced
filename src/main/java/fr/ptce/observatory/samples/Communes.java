package fr.ptce.observatory.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.ptce.observatory.referential.GeoReferential;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * The communes of the bundled geographic referential grouped by department, in file
 * order, to draw the head offices of the sample poles from real communes. (GeoReferential
 * looks communes up by code but does not list them.)
 */
final class Communes {

	record Entry(String code, String epci, long population) {
	}

	private final Map<String, List<Entry>> byDepartement = new LinkedHashMap<>();

	private final Map<String, Long> departementPopulation = new LinkedHashMap<>();

	private final Set<String> foldedNames = new HashSet<>();

	Communes() {
		try (InputStream in = GeoReferential.class.getResourceAsStream(GeoReferential.RESOURCE_DIR + "communes.csv")) {
			if (in == null) {
				throw new IllegalStateException("the geographic referential is missing from the build");
			}
			try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
				for (NamedCsvRecord r : reader) {
					String population = r.getField("population");
					long pop = population.isEmpty() ? 0 : Long.parseLong(population);
					String dep = r.getField("departement");
					byDepartement.computeIfAbsent(dep, d -> new ArrayList<>())
						.add(new Entry(r.getField("commune"), r.getField("epci"), pop));
					departementPopulation.merge(dep, pop, Long::sum);
					foldedNames.add(Names.fold(r.getField("name")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Entry> of(String departement) {
		return byDepartement.getOrDefault(departement, List.of());
	}

	long population(String departement) {
		return departementPopulation.getOrDefault(departement, 0L);
	}

	Set<String> foldedNames() {
		return foldedNames;
	}

}
