package fr.ptce.observatory.schedule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.ptce.observatory.partners.Partners;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The jobs that operators schedule, start and backfill, by the short name they use (the
 * schedule file, the API, the {@code backfill} command) and the name of their Spring
 * Batch {@code Job} bean. Their parameters are checked here, so that a schedule file or
 * an API call with a wrong parameter is refused with a message that says which, before
 * anything runs. The beans themselves are looked up by name at run time: a job that is
 * not part of this build is reported as unavailable, not a start-up failure.
 */
public enum PipelineJob {

	INGEST("ingest", "ingestJob", Map.of("inbox", Kind.PATH)),

	AGGREGATE("aggregate", "aggregateJob", Map.of("from", Kind.YEAR, "to", Kind.YEAR, "asOf", Kind.INSTANT)),

	REPORT("report", "reportJob", Map.of("year", Kind.YEAR, "asOf", Kind.INSTANT)),

	EXTRACT("extract", "extractJob", Map.of("year", Kind.YEAR, "partner", Kind.STRING));

	/**
	 * How a parameter's text is read: a year is a long, an instant an ISO string checked
	 * as interfaces.md reads it. A path names a file or folder of the host: the schedule
	 * file (written by whoever runs the server) may give one, the operator API may not.
	 */
	public enum Kind {

		STRING, YEAR, INSTANT, PATH

	}

	private final String shortName;

	private final String beanName;

	private final Map<String, Kind> parameters;

	PipelineJob(String shortName, String beanName, Map<String, Kind> parameters) {
		this.shortName = shortName;
		this.beanName = beanName;
		this.parameters = parameters;
	}

	public String shortName() {
		return shortName;
	}

	public String beanName() {
		return beanName;
	}

	public Map<String, Kind> parameters() {
		return parameters;
	}

	/** By short name (ingest) or bean name (ingestJob), case-insensitive. */
	public static Optional<PipelineJob> find(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String n = name.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(j -> j.shortName.equals(n) || j.beanName.toLowerCase(Locale.ROOT).equals(n))
			.findFirst();
	}

	public static String names() {
		return String.join(", ", Arrays.stream(values()).map(PipelineJob::shortName).toList());
	}

	/**
	 * Checks parameter values (already resolved: no "current-year" left) and turns them
	 * into the job parameters of a new run. Throws {@link IllegalArgumentException} with
	 * the parameter and the reason.
	 */
	public JobParametersBuilder parameters(Map<String, String> values) {
		Map<String, String> checked = check(values);
		JobParametersBuilder builder = new JobParametersBuilder();
		checked.forEach((name, value) -> {
			switch (parameters.get(name)) {
				case YEAR -> builder.addLong(name, Long.parseLong(value));
				default -> builder.addString(name, value);
			}
		});
		return builder;
	}

	/**
	 * The values checked: known names, years as years, instants readable, required ones
	 * present.
	 */
	public Map<String, String> check(Map<String, String> values) {
		Map<String, String> checked = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			Kind kind = parameters.get(e.getKey());
			if (kind == null) {
				throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for job " + shortName
						+ " (known: " + String.join(", ", new TreeSet<>(parameters.keySet())) + ")");
			}
			String value = e.getValue() == null ? "" : e.getValue().trim();
			if (value.isEmpty()) {
				continue;
			}
			switch (kind) {
				case YEAR -> {
					if (!value.matches("\\d{4}")) {
						throw new IllegalArgumentException("parameter '" + e.getKey() + "' of job " + shortName
								+ " must be a year (YYYY), not '" + value + "'");
					}
					ParameterBounds.year("parameter '" + e.getKey() + "' of job " + shortName, Long.parseLong(value),
							ParameterBounds.EARLIEST_YEAR);
				}
				case INSTANT -> ParameterBounds.instant("parameter '" + e.getKey() + "' of job " + shortName, value);
				default -> {
				}
			}
			checked.put(e.getKey(), value);
		}
		for (String required : required()) {
			if (!checked.containsKey(required)) {
				throw new IllegalArgumentException("job " + shortName + " needs the parameter '" + required + "'");
			}
		}
		String partner = checked.get("partner");
		if (this == EXTRACT && partner != null && !Partners.CODE.matcher(partner).matches()) {
			throw new IllegalArgumentException("parameter 'partner' of job extract must be a partner code (upper-case "
					+ "letters, digits and _), not '" + partner + "'");
		}
		if (this == AGGREGATE && Long.parseLong(checked.get("from")) > Long.parseLong(checked.get("to"))) {
			throw new IllegalArgumentException(
					"job aggregate: 'from' (" + checked.get("from") + ") is after 'to' (" + checked.get("to") + ")");
		}
		if (this == AGGREGATE) {
			ParameterBounds.range(Long.parseLong(checked.get("from")), Long.parseLong(checked.get("to")));
		}
		return checked;
	}

	private Set<String> required() {
		return switch (this) {
			case INGEST -> Set.of();
			case AGGREGATE -> Set.of("from", "to");
			case REPORT -> Set.of("year");
			case EXTRACT -> Set.of("year");
		};
	}

	/** Whether the job reads the aggregates of its year (and cannot run before them). */
	public boolean readsAggregates() {
		return this == REPORT || this == EXTRACT;
	}

	/**
	 * The years a run with these parameters works on: the partitions it writes. Empty for
	 * ingest, which works on the inbox as a whole (two ingests never run at once either:
	 * its key is the job alone).
	 */
	public Set<Integer> years(JobParameters params) {
		Set<Integer> years = new TreeSet<>();
		switch (this) {
			case AGGREGATE -> {
				Long from = longParam(params, "from");
				Long to = longParam(params, "to");
				if (from != null && to != null) {
					for (long y = from; y <= to; y++) {
						years.add((int) y);
					}
				}
			}
			case REPORT, EXTRACT -> {
				Long year = longParam(params, "year");
				if (year != null) {
					years.add(year.intValue());
				}
			}
			default -> {
			}
		}
		return years;
	}

	private static Long longParam(JobParameters params, String name) {
		var p = params.getParameter(name);
		if (p == null || p.value() == null) {
			return null;
		}
		Object v = p.value();
		if (v instanceof Number n) {
			return n.longValue();
		}
		try {
			return Long.parseLong(v.toString().trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
