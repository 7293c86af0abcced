package fr.ptce.observatory.aggregate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.ParquetTable;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * Deterministic random registries and observation stores for the property, cross-check
 * and benchmark tests: poles in communes of a few regions, values from a heavy-tailed
 * distribution (so that small and dominated cells occur), a mix of annual and quarterly
 * reports, status M and revisions.
 */
public final class RandomStore {

	public static final GeoReferential GEO = GeoReferential.bundled();

	private static List<String[]> communes;

	private RandomStore() {
	}

	/**
	 * Communes of the referential in the 18 reported regions: code, department, region.
	 */
	static synchronized List<String[]> communes() {
		if (communes == null) {
			List<String[]> list = new ArrayList<>();
			try (BufferedReader in = new BufferedReader(new InputStreamReader(
					RandomStore.class.getResourceAsStream("/referential/geo/communes.csv"), StandardCharsets.UTF_8))) {
				in.readLine();
				String line;
				while ((line = in.readLine()) != null) {
					String[] f = line.split(",", -1);
					if (f.length >= 4 && GEO.commune(f[0]) != null && GEO.region(f[3]) != null
							&& GEO.region(f[3]).isReported()) {
						list.add(new String[] { f[0], f[2], f[3] });
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			communes = list;
		}
		return communes;
	}

	/**
	 * Writes a registry of {@code n} poles in communes drawn from {@code nCommunes}
	 * communes of the given regions (all regions when none given) and loads it.
	 */
	public static Registry registry(Random random, int n, int nCommunes, List<String> regions, int firstYear,
			Path file) {
		return registry(random, n, nCommunes, regions, firstYear, file, 1.0, false);
	}

	/**
	 * The same with a share of poles consenting to open data (the others are protected)
	 * and, when {@code nestedNetworks}, RTES made of LABO_ESS's members plus one pole,
	 * the overlap that lets a subtraction of network totals give one pole's value.
	 */
	public static Registry registry(Random random, int n, int nCommunes, List<String> regions, int firstYear, Path file,
			double consentShare, boolean nestedNetworks) {
		List<String[]> pool = new ArrayList<>();
		for (String[] c : communes()) {
			if (regions.isEmpty() || regions.contains(c[2])) {
				pool.add(c);
			}
		}
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < nCommunes; i++) {
			chosen.add(pool.get(random.nextInt(pool.size()))[0]);
		}
		StringBuilder csv = new StringBuilder(
				"pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n");
		int extra = 1 + random.nextInt(n);
		for (int i = 1; i <= n; i++) {
			String theme = Registry.THEMES.get(random.nextInt(random.nextBoolean() ? 3 : Registry.THEMES.size()));
			List<String> networks = new ArrayList<>();
			for (String network : Registry.NETWORKS) {
				if (random.nextInt(4) == 0) {
					networks.add(network);
				}
			}
			if (nestedNetworks) {
				networks.remove("RTES");
				if (networks.contains("LABO_ESS") || i == extra) {
					networks.add("RTES");
				}
			}
			String consent = random.nextDouble() < consentShare ? "yes" : "no";
			int created = firstYear + (random.nextInt(5) == 0 ? random.nextInt(3) : 0);
			String closed = random.nextInt(15) == 0 ? Integer.toString(created + 1 + random.nextInt(3)) : "";
			csv.append(String.format("PTCE-%04d,Pôle %d,%s,%d,%s,association,%s,%s,,%s%n", i, i,
					chosen.get(random.nextInt(chosen.size())), created, closed, theme, String.join("|", networks),
					consent));
		}
		try {
			Files.writeString(file, csv.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Registry.load(file, GEO);
	}

	/**
	 * A heavy-tailed positive value: most small, a few large enough to dominate a cell.
	 */
	static double value(Random random, Indicator indicator) {
		double v = Math.exp(random.nextGaussian() * 1.5) * 10;
		if (random.nextInt(20) == 0) {
			v *= 50;
		}
		v = Math.min(v, indicator.max());
		return indicator.isInteger() ? Math.rint(v) : Math.rint(v * 100) / 100;
	}

	/**
	 * Writes observations of the years for every pole expected then: for each indicator,
	 * with some probability nothing, an annual value, or quarterly values (a random
	 * subset of quarters), sometimes an M, and some revisions in a second ingest run
	 * (including ties of one run broken by the file name).
	 * @return the number of rows written
	 */
	public static long observations(Random random, Registry registry, Catalogue catalogue, DataDirectory dir,
			int fromYear, int toYear, double reportRate) {
		Provenance provenance = new Provenance(Instant.EPOCH, catalogue.sha256(), registry.sha256(), "test");
		Instant firstRun = Instant.parse("2026-02-01T06:00:00Z");
		Instant secondRun = Instant.parse("2026-05-01T06:00:00Z");
		long total = 0;
		for (int year = fromYear; year <= toYear; year++) {
			Path partition = dir.partition(Tables.OBSERVATIONS, year);
			try (ParquetTable.Sink<Observation> first = Tables.OBSERVATION.open(partition.resolve("run-1.parquet"),
					provenance);
					ParquetTable.Sink<Observation> second = Tables.OBSERVATION.open(partition.resolve("run-2.parquet"),
							provenance)) {
				for (Pole pole : registry.poles()) {
					if (!pole.isExpected(year)) {
						continue;
					}
					for (Indicator indicator : catalogue.indicators()) {
						if (random.nextDouble() > reportRate) {
							continue;
						}
						boolean annual = random.nextBoolean();
						for (int q = annual ? 0 : 1; q <= (annual ? 0 : 4); q++) {
							if (!annual && random.nextInt(4) == 0) {
								continue;
							}
							String period = q == 0 ? Integer.toString(year) : year + "-Q" + q;
							Double v = random.nextInt(30) == 0 ? null : value(random, indicator);
							first.write(
									observation(year, pole, period, q, indicator, v, "a-" + year + ".csv", firstRun));
							total++;
							if (random.nextInt(10) == 0) {
								// a correction in a later run, sometimes by two files of
								// that run
								second.write(observation(year, pole, period, q, indicator, value(random, indicator),
										"z-" + year + ".csv", secondRun));
								total++;
								if (random.nextBoolean()) {
									second.write(observation(year, pole, period, q, indicator,
											random.nextInt(8) == 0 ? null : value(random, indicator),
											"b-" + year + ".csv", secondRun));
									total++;
								}
							}
						}
					}
				}
				first.commit();
				second.commit();
			}
		}
		return total;
	}

	static Observation observation(int year, Pole pole, String period, int quarter, Indicator indicator, Double value,
			String file, Instant ingestedAt) {
		return new Observation(year, pole.id(), period, quarter == 0 ? null : quarter, indicator.code(), value,
				indicator.unit(), value == null ? "M" : "A", null, "sha-" + file, file, 2,
				Timestamps.toMicros(ingestedAt));
	}

}
