package fr.ptce.observatory.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the schedule file: which job, when (a Quartz cron expression, with
 * seconds, in a time zone), with which parameters, whether it is enabled, and what to do
 * with a firing missed while no server was running.
 *
 * Parameter values may name a year relative to the day of the firing in the schedule's
 * zone: {@code current-year}, {@code previous-year}, {@code current-year-N}; they are
 * resolved when the trigger fires, not when the file is read.
 */
public record ScheduleEntry(String name, PipelineJob job, String cron, ZoneId zone, Map<String, String> parameters,
		boolean enabled, Misfire misfire) {

	private static final Pattern RELATIVE_YEAR = Pattern.compile("(current|previous)-year(?:-(\\d{1,3}))?");

	/** Explicit misfire policies of the cron triggers. */
	public enum Misfire {

		/**
		 * A firing missed (server down, all threads busy) runs once as soon as possible.
		 */
		FIRE_ONCE_NOW("fire-once-now"),
		/** A missed firing is skipped; the next one is awaited. */
		SKIP("skip");

		private final String text;

		Misfire(String text) {
			this.text = text;
		}

		public String text() {
			return text;
		}

		public static Misfire parse(String text) {
			for (Misfire m : values()) {
				if (m.text.equalsIgnoreCase(text.trim())) {
					return m;
				}
			}
			throw new IllegalArgumentException("misfire must be fire-once-now or skip, not '" + text + "'");
		}

	}

	public ScheduleEntry {
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * The parameters with relative years replaced by the year of the given day, in the
	 * schedule's zone.
	 */
	public Map<String, String> resolveParameters(Clock clock) {
		return resolve(parameters, LocalDate.now(clock.withZone(zone)).getYear());
	}

	static Map<String, String> resolve(Map<String, String> parameters, int currentYear) {
		Map<String, String> resolved = new LinkedHashMap<>();
		parameters.forEach((k, v) -> resolved.put(k, resolveValue(v, currentYear)));
		return resolved;
	}

	static String resolveValue(String value, int currentYear) {
		Matcher m = RELATIVE_YEAR.matcher(value.trim());
		if (!m.matches()) {
			return value;
		}
		int year = m.group(1).equals("current") ? currentYear : currentYear - 1;
		if (m.group(2) != null) {
			year -= Integer.parseInt(m.group(2));
		}
		return Integer.toString(year);
	}

}
