package fr.ptce.observatory.console;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How the console writes things in French: dates in the observatory's zone, sizes, and
 * the words of run statuses, partition states and jobs. Each state has a text mark as
 * well as its colour (the grid is read without colours).
 */
public final class Format {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss",
			Locale.FRANCE);

	private static final Map<String, String> STATUS = Map.of("COMPLETED", "terminée", "FAILED", "échouée", "STARTED",
			"en cours", "STARTING", "au démarrage", "STOPPING", "en cours d'arrêt", "STOPPED", "arrêtée", "ABANDONED",
			"abandonnée", "UNKNOWN", "inconnue");

	private static final Map<String, String> STATE = Map.of("NONE", "jamais exécutée", "COMPLETED", "terminée",
			"FAILED", "échouée", "STOPPED", "arrêtée", "ABANDONED", "abandonnée", "RUNNING", "en cours");

	private static final Map<String, String> MARK = Map.of("NONE", "–", "COMPLETED", "✓", "FAILED", "✗", "STOPPED", "■",
			"ABANDONED", "⊘", "RUNNING", "▶");

	private static final Map<String, String> JOB = Map.of("ingest", "ingestion", "aggregate", "agrégation", "report",
			"publication", "extract", "extraits");

	private static final Map<String, String> ACTION = Map.of("SKIPPED", "ignorée", "PENDING", "à exécuter", "RUNNING",
			"en cours", "COMPLETED", "terminée", "FAILED", "échouée");

	/**
	 * A date of the job repository (local time of the server) or an instant, in Paris
	 * time.
	 */
	public String time(Object value) {
		if (value == null) {
			return "–";
		}
		if (value instanceof LocalDateTime t) {
			// the job repository's times are the server's local time: shown, like every
			// other, in Paris time
			return DATE_TIME.format(t.atZone(ZoneId.systemDefault()).withZoneSameInstant(PARIS));
		}
		if (value instanceof Timestamp t) {
			return time(t.toLocalDateTime());
		}
		if (value instanceof OffsetDateTime t) {
			return time(t.toInstant());
		}
		if (value instanceof Instant i) {
			return DATE_TIME.format(i.atZone(PARIS));
		}
		try {
			return DATE_TIME.format(Instant.parse(value.toString()).atZone(PARIS));
		}
		catch (DateTimeParseException ex) {
			return value.toString();
		}
	}

	public String duration(Object start, Object end) {
		LocalDateTime s = local(start);
		if (s == null) {
			return "–";
		}
		LocalDateTime e = local(end);
		Duration d = Duration.between(s, e != null ? e : LocalDateTime.now());
		long seconds = Math.max(0, d.toSeconds());
		return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
	}

	/**
	 * A time of the job repository, as Spring Batch gives it (LocalDateTime) or as its
	 * table does (Timestamp).
	 */
	private static LocalDateTime local(Object value) {
		return value instanceof LocalDateTime t ? t : value instanceof Timestamp t ? t.toLocalDateTime() : null;
	}

	public String bytes(Object value) {
		long b = value instanceof Number n ? n.longValue() : -1;
		if (b < 0) {
			return "–";
		}
		if (b < 1024) {
			return b + " o";
		}
		String[] units = { "Kio", "Mio", "Gio", "Tio" };
		double v = b;
		int unit = -1;
		while (v >= 1024 && unit < units.length - 1) {
			v /= 1024;
			unit++;
		}
		return String.format(Locale.FRANCE, "%.1f %s", v, units[unit]);
	}

	public String number(Object value) {
		return value instanceof Number n ? String.format(Locale.FRANCE, "%,d", n.longValue()) : "–";
	}

	public String status(Object status) {
		return STATUS.getOrDefault(String.valueOf(status), String.valueOf(status));
	}

	public String state(Object state) {
		return STATE.getOrDefault(String.valueOf(state), String.valueOf(state));
	}

	public String mark(Object state) {
		return MARK.getOrDefault(String.valueOf(state), "?");
	}

	public String action(Object status) {
		return ACTION.getOrDefault(String.valueOf(status), String.valueOf(status));
	}

	public String job(Object job) {
		return JOB.getOrDefault(String.valueOf(job), String.valueOf(job));
	}

	/**
	 * A run's status as the state it gives its partitions (the grid's colours and marks).
	 */
	public String runState(Object status) {
		String s = String.valueOf(status);
		if (running(s)) {
			return "RUNNING";
		}
		return STATE.containsKey(s) ? s : "FAILED";
	}

	/** Run statuses that are not over yet: their pages refresh themselves. */
	public boolean running(Object status) {
		String s = String.valueOf(status);
		return s.equals("STARTING") || s.equals("STARTED") || s.equals("STOPPING");
	}

}
