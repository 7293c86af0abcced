package fr.ptce.observatory.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Range} header against a file of a given size (RFC 9110 section 14): one of
 * "whole file" (no header, several ranges, a unit or syntax the server may ignore), a
 * satisfiable range, or unsatisfiable (416).
 */
public record ByteRange(Kind kind, long first, long last) {

	public enum Kind {

		WHOLE, PARTIAL, UNSATISFIABLE

	}

	private static final Pattern SINGLE = Pattern.compile("bytes=[ \t]*([0-9]{0,19})-([0-9]{0,19})[ \t]*",
			Pattern.CASE_INSENSITIVE);

	public static ByteRange whole(long size) {
		return new ByteRange(Kind.WHOLE, 0, size - 1);
	}

	public static ByteRange parse(String header, long size) {
		if (header == null) {
			return whole(size);
		}
		// several ranges: RFC 9110 lets the server answer with the whole file, which
		// every client handles
		Matcher m = SINGLE.matcher(header.strip());
		if (header.indexOf(',') >= 0 || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
			return whole(size);
		}
		try {
			if (m.group(1).isEmpty()) {
				long suffix = Long.parseLong(m.group(2));
				if (suffix == 0 || size == 0) {
					return new ByteRange(Kind.UNSATISFIABLE, 0, 0);
				}
				return new ByteRange(Kind.PARTIAL, Math.max(0, size - suffix), size - 1);
			}
			long first = Long.parseLong(m.group(1));
			if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
				return whole(size);
			}
			if (first >= size) {
				return new ByteRange(Kind.UNSATISFIABLE, 0, 0);
			}
			long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
			return new ByteRange(Kind.PARTIAL, first, Math.min(last, size - 1));
		}
		catch (NumberFormatException ex) {
			return whole(size);
		}
	}

	public long length() {
		return kind == Kind.UNSATISFIABLE ? 0 : last - first + 1;
	}

	public String contentRange(long size) {
		return kind == Kind.UNSATISFIABLE ? "bytes */" + size : "bytes " + first + "-" + last + "/" + size;
	}

}
