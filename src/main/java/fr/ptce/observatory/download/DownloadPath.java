package fr.ptce.observatory.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request to /partners/v1 asks for, read from the request target exactly as the
 * client sent it (before any percent-decoding or normalisation by the server). Listed
 * names are plain ASCII letters, digits, '_', '-', '.', so a target that needs decoding,
 * holds "." or ".." as a segment, a backslash, a path parameter or an empty segment is
 * none of the calls, whatever it would decode to: it is {@link Kind#UNKNOWN}, answered
 * 404 like a name that does not exist.
 */
public record DownloadPath(Kind kind, String partner, String year, String version, String path) {

	public enum Kind {

		LISTING, FILE, LINK, UNKNOWN

	}

	public static final String PREFIX = "/partners/v1";

	/** Far above any listed name; a longer target is not looked at. */
	static final int MAX_LENGTH = 512;

	private static final String SEGMENT = "[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}";

	private static final String FILE_PATH = "((?:csv/)?" + SEGMENT + ")";

	private static final String YEAR_VERSION = "/([0-9]{4})/(latest|[0-9]{8}T[0-9]{6}(?:\\.[0-9]{6})?Z)/";

	private static final Pattern FILE = Pattern.compile("/partners/v1/extracts" + YEAR_VERSION + FILE_PATH);

	private static final Pattern LINK = Pattern.compile("/partners/v1/dl/([A-Z0-9_]{1,64})" + YEAR_VERSION + FILE_PATH);

	private static final DownloadPath UNKNOWN = new DownloadPath(Kind.UNKNOWN, null, null, null, null);

	public static DownloadPath parse(String rawTarget) {
		if (rawTarget == null || rawTarget.length() > MAX_LENGTH) {
			return UNKNOWN;
		}
		if (rawTarget.equals(PREFIX + "/extracts")) {
			return new DownloadPath(Kind.LISTING, null, null, null, null);
		}
		Matcher m = FILE.matcher(rawTarget);
		if (m.matches()) {
			return new DownloadPath(Kind.FILE, null, m.group(1), m.group(2), m.group(3));
		}
		m = LINK.matcher(rawTarget);
		if (m.matches()) {
			return new DownloadPath(Kind.LINK, m.group(1), m.group(2), m.group(3), m.group(4));
		}
		return UNKNOWN;
	}

	/**
	 * Whether a request belongs to the download service, by its raw target or by what the
	 * server decoded.
	 */
	public static boolean concerns(String rawTarget, String decodedPath) {
		return under(rawTarget) || under(decodedPath);
	}

	private static boolean under(String path) {
		return path != null && (path.equals("/partners") || path.startsWith("/partners/"));
	}

}
