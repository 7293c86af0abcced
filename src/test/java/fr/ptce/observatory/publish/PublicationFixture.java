package fr.ptce.observatory.publish;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.WithheldFigure;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;
import fr.ptce.observatory.warehouse.Trend;

/**
 * Writes realistic warehouse tables for the publication tests, without the aggregation
 * job: aggregates of the ten years up to {@link #YEAR} at every level (national, the 18
 * regions, their departments, themes, networks), with confidential cells (Corsica always
 * A, dominance O for the turnover of Hauts-de-France, secondary D in some departments,
 * national GOV_MEETINGS A), the trends of the year, and observations of the year for the
 * collection follow-up.
 */
public final class PublicationFixture {

	public static final int YEAR = 2025;

	public static final Instant AS_OF = Instant.parse("2026-03-31T23:59:59.999999Z");

	/**
	 * The indicator whose national change on a constant sample the fixture says was
	 * withheld (section 4).
	 */
	public static final String WITHHELD_CONSTANT_SAMPLE = "JOBS_FTE";

	static final Catalogue CATALOGUE = Catalogue.bundled();

	static final GeoReferential GEO = GeoReferential.bundled();

	public static Registry registry() {
		InputStream in = PublicationFixture.class.getResourceAsStream("registry.csv");
		return Registry.read("registry.csv", in, GEO);
	}

	static List<String> indicatorCodes() {
		List<String> codes = new ArrayList<>();
		for (Indicator i : CATALOGUE.indicators()) {
			codes.add(i.code());
		}
		codes.addAll(List.of("ESS_SHARE", "PUBLIC_FUNDING_SHARE", "GOV_PARTICIPATION"));
		return codes;
	}

	static boolean ratio(String code) {
		return code.endsWith("_SHARE") || code.equals("GOV_PARTICIPATION");
	}

	/**
	 * A deterministic base value per indicator, of the right order of magnitude for its
	 * unit.
	 */
	static double base(String code) {
		return switch (code) {
			case "TURNOVER" -> 48_215_730.45;
			case "PUBLIC_FUNDING" -> 12_345_678.9;
			case "OWN_REVENUE" -> 30_111_222.3;
			case "TRAINING_HOURS" -> 123_456.7;
			case "WASTE_AVOIDED" -> 8_765.43;
			case "JOBS_FTE" -> 23_456.78;
			case "JOBS_CREATED" -> 1_234.56;
			case "ESS_SHARE" -> 62.345;
			case "PUBLIC_FUNDING_SHARE" -> 29.08;
			case "GOV_PARTICIPATION" -> 41.96;
			default -> 3_400 + code.length() * 97;
		};
	}

	static Provenance provenance(Registry registry) {
		return new Provenance(AS_OF, CATALOGUE.sha256(), registry.sha256(), "test");
	}

	public static void write(DataDirectory dir, Registry registry) {
		write(dir, registry, false);
	}

	/**
	 * @param tiny as the bundled sample registry of one pole gives: every cell
	 * primary-confidential (A), with one expected pole and one respondent
	 */
	public static void write(DataDirectory dir, Registry registry, boolean tiny) {
		UnaryOperator<AggregateCell> adjust = tiny ? c -> new AggregateCell(c.indicator(), c.level(), c.area(), 1, 1, 0,
				1.0, null, null, null, null, null, null, null, null, null, "A") : c -> c;
		write(dir, registry, adjust);
	}

	/**
	 * The fixture with each cell of each year changed by a test (a low response, a change
	 * of its own...).
	 */
	public static void write(DataDirectory dir, Registry registry, UnaryOperator<AggregateCell> adjust) {
		write(dir, registry, (y, c) -> adjust.apply(c));
	}

	/** The fixture with each cell changed knowing its year. */
	public static void write(DataDirectory dir, Registry registry,
			BiFunction<Integer, AggregateCell, AggregateCell> adjust) {
		Provenance provenance = provenance(registry);
		for (int y = YEAR - 9; y <= YEAR; y++) {
			int year = y;
			List<AggregateCell> cells = aggregates(y).stream().map(c -> adjust.apply(year, c)).toList();
			Tables.AGGREGATE.writeFile(dir.partition(Tables.AGGREGATES, y).resolve("part-0.parquet"), provenance,
					cells);
		}
		Tables.TREND.writeFile(dir.partition(Tables.TRENDS, YEAR).resolve("part-0.parquet"), provenance, trends());
		// what the confidentiality rules withheld beyond the cells' statuses (staff-only
		// tables)
		InternalTables.WITHHELD.writeFile(
				dir.partition(InternalTables.WITHHELD_FIGURES, YEAR).resolve("part-0.parquet"), provenance,
				List.of(new WithheldFigure(WITHHELD_CONSTANT_SAMPLE, "national", "FR", WithheldFigure.CONSTANT_SAMPLE,
						null, null)));
		InternalTables.AUDIT.writeFile(
				dir.partition(InternalTables.CONFIDENTIALITY_AUDIT, YEAR).resolve("part-0.parquet"), provenance,
				List.of(new AuditSummary("JOBS_FTE", 40, 40, 1, 1, 1, 7)));
		Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, YEAR).resolve("part-0.parquet"), provenance,
				observations());
		Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, YEAR - 1).resolve("part-0.parquet"), provenance,
				earlierObservations());
	}

	static List<AggregateCell> aggregates(int y) {
		List<AggregateCell> cells = new ArrayList<>();
		for (String code : indicatorCodes()) {
			cells.add(cell(code, "national", "FR", y, 1.0, code.equals("GOV_MEETINGS") ? "A" : "F", 412));
			int r = 0;
			for (GeoReferential.Region region : GEO.reportedRegions()) {
				r++;
				double share = 0.02 + (r % 7) * 0.01;
				String status = region.code().equals("94") ? "A"
						: region.code().equals("32") && code.equals("TURNOVER") ? "O" : "F";
				cells.add(cell(code, "region", region.code(), y, share, status, 10 + r));
				int d = 0;
				for (GeoReferential.Departement dep : GEO.departementsOf(region.code())) {
					d++;
					String depStatus = status.equals("F") ? (d == 2 ? "D" : "F") : status;
					cells.add(cell(code, "departement", dep.code(), y, share / (d + 2), depStatus, 3 + d));
				}
			}
			int t = 0;
			for (String theme : PublicationContent.THEMES.keySet()) {
				t++;
				cells.add(cell(code, "theme", theme, y, 0.05 + t * 0.01, t == 10 ? "A" : "F", 20 + t));
			}
			int n = 0;
			for (String network : PublicationContent.NETWORKS.keySet()) {
				n++;
				cells.add(cell(code, "network", network, y, 0.1 + n * 0.02, "F", 30 + n));
			}
		}
		cells.sort((a, b) -> (a.indicator() + a.level() + a.area()).compareTo(b.indicator() + b.level() + b.area()));
		return cells;
	}

	private static AggregateCell cell(String code, String level, String area, int y, double share, String status,
			int expected) {
		double growth = Math.pow(1.031, y - YEAR + 9);
		boolean ratio = ratio(code);
		double total = ratio ? base(code) + (y - YEAR) * 0.37 + share * 10 : base(code) * share * growth;
		if (!ratio && CATALOGUE.find(code).isInteger()) {
			// a total of counts is whole
			total = Math.round(total);
		}
		int respondents = Math.max(1, (int) Math.round(expected * 0.83));
		boolean free = status.equals("F");
		Double density = code.equals("JOBS_FTE") && !level.equals("theme") && !level.equals("network") && free
				? total / (level.equals("national") ? 68_000_000 : 3_000_000 * share) * 10_000 : null;
		Double yoy = free && y > YEAR - 9 ? (ratio ? 0.37 : 3.1) : null;
		Double yoyConstant = free && y > YEAR - 9 ? (ratio ? 0.21 : 2.456) : null;
		Double ma3 = free && y > YEAR - 8 ? total * 0.97 : null;
		return new AggregateCell(code, level, area, expected, respondents, code.equals("JOBS_CREATED") ? 2 : 0,
				(double) respondents / expected, free ? total : null, free ? total / respondents : null,
				free ? total / respondents * 0.9 : null, free ? total / respondents * 0.5 : null,
				free ? total / respondents * 1.4 : null, density, yoy, yoyConstant, ma3, status);
	}

	static List<Trend> trends() {
		List<Trend> trends = new ArrayList<>();
		for (String code : indicatorCodes()) {
			trends.add(new Trend(code, "national", "FR", YEAR - 9, YEAR, 10, 45, ratio(code) ? 0.58 : 3.1, 1.5, 4.0,
					0.00006, code.equals("GOV_MEETINGS") ? null : code.equals("WASTE_AVOIDED") ? "stable" : "hausse"));
			for (GeoReferential.Region region : GEO.reportedRegions()) {
				trends.add(new Trend(code, "region", region.code(), YEAR - 9, YEAR, 10, -3, -0.4, -0.1, -0.5, 0.6,
						"stable"));
			}
		}
		trends.sort((a, b) -> (a.indicator() + a.level() + a.area()).compareTo(b.indicator() + b.level() + b.area()));
		return trends;
	}

	/**
	 * PTCE-0101 sent everything, PTCE-0102 three indicators, PTCE-0103 only missing
	 * values, others nothing.
	 */
	static List<Observation> observations() {
		List<Observation> rows = new ArrayList<>();
		long first = Timestamps.toMicros(Instant.parse("2026-02-10T09:00:00Z"));
		long second = Timestamps.toMicros(Instant.parse("2026-03-05T14:30:00Z"));
		long late = Timestamps.toMicros(Instant.parse("2026-04-20T08:00:00Z"));
		long line = 2;
		for (Indicator i : CATALOGUE.indicators()) {
			rows.add(obs("PTCE-0101", i.code(), 10.0, "A", "a.csv", line++, first));
		}
		for (String code : List.of("MEMBERS_TOTAL", "JOBS_FTE", "TURNOVER")) {
			rows.add(obs("PTCE-0102", code, 5.0, "A", "b.csv", line++, second));
		}
		// after the as-of instant: does not count
		rows.add(obs("PTCE-0102", "MEMBERS_ESS", 3.0, "A", "c.csv", line++, late));
		rows.add(obs("PTCE-0103", "MEMBERS_TOTAL", null, "M", "d.csv", line++, first));
		rows.sort((a, b) -> (a.poleId() + a.indicator()).compareTo(b.poleId() + b.indicator()));
		return rows;
	}

	/**
	 * PTCE-0105 sent nothing for YEAR, but a file for the year before, received late in
	 * the evening of 14 November 2025 in UTC, the 15th in Paris; and another after the
	 * as-of instant, which does not count.
	 */
	static List<Observation> earlierObservations() {
		long received = Timestamps.toMicros(Instant.parse("2025-11-14T23:30:00Z"));
		long late = Timestamps.toMicros(Instant.parse("2026-04-20T08:00:00Z"));
		List<Observation> rows = new ArrayList<>();
		rows.add(obs(YEAR - 1, "PTCE-0105", "MEMBERS_TOTAL", 12.0, "e.csv", 2, received));
		rows.add(obs(YEAR - 1, "PTCE-0105", "MEMBERS_ESS", 7.0, "f.csv", 2, late));
		return rows;
	}

	private static Observation obs(String pole, String indicator, Double value, String status, String file, long line,
			long at) {
		return new Observation(YEAR, pole, Integer.toString(YEAR), null, indicator, value,
				CATALOGUE.find(indicator).unit(), status, null, "0".repeat(64), file, line, at);
	}

	private static Observation obs(int year, String pole, String indicator, Double value, String file, long line,
			long at) {
		return new Observation(year, pole, Integer.toString(year), null, indicator, value,
				CATALOGUE.find(indicator).unit(), "A", null, "1".repeat(64), file, line, at);
	}

	/** A data directory in root holding the fixture's warehouse as it is. */
	public static DataDirectory dataDirectoryWithFixture(Path root) {
		DataDirectory dir = dataDirectory(root);
		write(dir, registry());
		return dir;
	}

	public static DataDirectory dataDirectory(Path root) {
		DataDirectory dir = new DataDirectory(root);
		dir.createLayout();
		return dir;
	}

}
