package fr.ptce.observatory.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks the schedule file that operators edit ({@code jobs/schedules.yml}).
 * Every problem is reported with the file, the entry and the reason, so that
 * {@code serve} refuses to start on a file it would misread:
 *
 * <pre>
 * schedules:
 *   - name: ingest-inbox          # unique, [a-z0-9-]
 *     job: ingest                 # ingest, aggregate, report, extract
 *     cron: "0 0/15 * * * ?"      # Quartz cron: seconds minutes hours day-of-month month day-of-week [year]
 *     zone: Europe/Paris          # default Europe/Paris
 *     enabled: true               # default true
 *     misfire: skip               # fire-once-now (default) or skip
 *     parameters: {}              # the job's parameters; years may be current-year, previous-year, current-year-N
 * </pre>
 */
public final class ScheduleFile {

	/** Where the bundled copy of jobs/schedules.yml is in the jar. */
	public static final String BUNDLED = "/schedules/schedules.yml";

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");

	private static final Set<String> KEYS = Set.of("name", "job", "cron", "zone", "enabled", "misfire", "parameters");

	private ScheduleFile() {
	}

	/**
	 * The file given, or jobs/schedules.yml of the working directory when it exists, or
	 * the bundled copy.
	 */
	public static List<ScheduleEntry> load(Path file) {
		if (file != null) {
			if (!Files.isRegularFile(file)) {
				throw new ScheduleException(file + ": no such schedule file");
			}
			return read(file);
		}
		Path local = Path.of("jobs", "schedules.yml");
		if (Files.isRegularFile(local)) {
			return read(local);
		}
		return bundled();
	}

	public static List<ScheduleEntry> read(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
		}
		catch (IOException ex) {
			throw new ScheduleException(file + ": cannot be read: " + ex.getMessage(), ex);
		}
	}

	public static List<ScheduleEntry> bundled() {
		try (InputStream in = ScheduleFile.class.getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new ScheduleException("the bundled schedule file " + BUNDLED + " is missing from the jar");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + BUNDLED);
		}
		catch (IOException ex) {
			throw new ScheduleException("cannot read the bundled schedule file: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Parses and checks the text of a schedule file; {@code source} names it in messages.
	 */
	public static List<ScheduleEntry> parse(String text, String source) {
		Object root;
		try (Reader reader = new StringReader(text)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (YAMLException | IOException ex) {
			throw new ScheduleException(source + ": not valid YAML: " + firstLine(ex.getMessage()), ex);
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("schedules") instanceof List<?> list)) {
			if (root instanceof Map<?, ?> top2 && top2.containsKey("schedules") && top2.get("schedules") == null) {
				return List.of();
			}
			throw new ScheduleException(source + ": expected a top-level 'schedules:' list");
		}
		List<ScheduleEntry> entries = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int index = 0;
		for (Object item : list) {
			index++;
			String where = source + ": schedule #" + index;
			if (!(item instanceof Map<?, ?> map)) {
				throw new ScheduleException(where + ": expected a mapping with name, job, cron...");
			}
			Object nameValue = map.get("name");
			if (nameValue != null) {
				where = source + ": schedule '" + nameValue + "' (#" + index + ")";
			}
			try {
				ScheduleEntry entry = entry(map);
				if (!names.add(entry.name())) {
					throw new IllegalArgumentException("the name '" + entry.name() + "' is used twice");
				}
				entries.add(entry);
			}
			catch (IllegalArgumentException ex) {
				throw new ScheduleException(where + ": " + ex.getMessage(), ex);
			}
		}
		return List.copyOf(entries);
	}

	private static ScheduleEntry entry(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (!KEYS.contains(String.valueOf(key))) {
				throw new IllegalArgumentException("unknown key '" + key + "' (known: "
						+ String.join(", ", KEYS.stream().sorted().toList()) + ")");
			}
		}
		String name = text(map, "name", true);
		if (!name.matches("[a-z0-9][a-z0-9-]{0,79}")) {
			throw new IllegalArgumentException("name must be lower-case letters, digits and '-', not '" + name + "'");
		}
		String jobName = text(map, "job", true);
		PipelineJob job = PipelineJob.find(jobName)
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown job '" + jobName + "' (known: " + PipelineJob.names() + ")"));
		String cron = text(map, "cron", true);
		try {
			CronExpression.validateExpression(cron);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("invalid cron expression '" + cron + "': " + ex.getMessage()
					+ " (Quartz cron has six or seven fields: seconds minutes hours day-of-month month day-of-week [year],"
					+ " with '?' in one of the day fields)");
		}
		String zoneText = text(map, "zone", false);
		ZoneId zone;
		try {
			zone = zoneText == null ? DEFAULT_ZONE : ZoneId.of(zoneText);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("unknown time zone '" + zoneText + "' (e.g. Europe/Paris)");
		}
		Object enabledValue = map.get("enabled");
		boolean enabled = true;
		if (enabledValue != null) {
			if (!(enabledValue instanceof Boolean b)) {
				throw new IllegalArgumentException("enabled must be true or false, not '" + enabledValue + "'");
			}
			enabled = b;
		}
		String misfireText = text(map, "misfire", false);
		ScheduleEntry.Misfire misfire = misfireText == null ? ScheduleEntry.Misfire.FIRE_ONCE_NOW
				: ScheduleEntry.Misfire.parse(misfireText);
		Map<String, String> parameters = new LinkedHashMap<>();
		Object params = map.get("parameters");
		if (params != null) {
			if (!(params instanceof Map<?, ?> pm)) {
				throw new IllegalArgumentException("parameters must be a mapping of name: value");
			}
			pm.forEach((k, v) -> {
				if (v instanceof Map || v instanceof List) {
					throw new IllegalArgumentException("parameter '" + k + "' must be a single value");
				}
				parameters.put(String.valueOf(k), v == null ? "" : String.valueOf(v));
			});
		}
		// checked once resolved with an arbitrary year: names, types and required
		// parameters
		job.check(ScheduleEntry.resolve(parameters, 2000));
		return new ScheduleEntry(name, job, cron, zone, parameters, enabled, misfire);
	}

	private static String text(Map<?, ?> map, String key, boolean required) {
		Object v = map.get(key);
		if (v == null || v.toString().isBlank()) {
			if (required) {
				throw new IllegalArgumentException("'" + key + "' is missing");
			}
			return null;
		}
		if (v instanceof Map || v instanceof List) {
			throw new IllegalArgumentException("'" + key + "' must be a single value");
		}
		return v.toString().trim();
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "";
		}
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

}
