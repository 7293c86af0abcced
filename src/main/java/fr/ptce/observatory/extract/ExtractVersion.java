package fr.ptce.observatory.extract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The version of an extract (extracts.md): the as-of instant of year Y's aggregates in
 * compact UTC form, {@code 20260331T060000Z}. An instant with a fraction of a second
 * keeps it ({@code 20260331T060000.123456Z}), so that two as-of instants never share a
 * version; the latest version is the one of the latest instant.
 */
final class ExtractVersion {

	static final Pattern PATTERN = Pattern.compile("\\d{8}T\\d{6}(\\.\\d{6})?Z");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
		.withZone(ZoneOffset.UTC);

	private ExtractVersion() {
	}

	static String of(Instant asOf) {
		String seconds = SECONDS.format(asOf);
		int micros = asOf.getNano() / 1000;
		return micros == 0 ? seconds + "Z" : seconds + "." + String.format("%06d", micros) + "Z";
	}

	/**
	 * @return the instant of a version folder's name, or null when the name is not a
	 * version
	 */
	static Instant parse(String version) {
		if (!PATTERN.matcher(version).matches()) {
			return null;
		}
		String iso = version.substring(0, 4) + "-" + version.substring(4, 6) + "-" + version.substring(6, 8) + "T"
				+ version.substring(9, 11) + ":" + version.substring(11, 13) + ":" + version.substring(13);
		try {
			return Instant.parse(iso);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
