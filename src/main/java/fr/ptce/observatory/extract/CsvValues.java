package fr.ptce.observatory.extract;

import java.math.BigDecimal;

/**
 * Values as the CSV files of an extract spell them (extracts.md): {@code .} as decimal
 * mark, no exponent (a spreadsheet opens 12500000 as a number, not 1.25E7), integral
 * values without a fraction, empty for null, strings quoted only when they hold a comma,
 * a quote or a line break.
 */
final class CsvValues {

	private CsvValues() {
	}

	static void append(StringBuilder out, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Double d) {
			appendNumber(out, d);
		}
		else if (value instanceof String s) {
			appendString(out, s);
		}
		else {
			out.append(value);
		}
	}

	static void appendNumber(StringBuilder out, double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return;
		}
		if (d == Math.rint(d) && Math.abs(d) < 1e15) {
			out.append((long) d);
			return;
		}
		String s = Double.toString(d);
		if (s.indexOf('E') >= 0) {
			s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		out.append(s);
	}

	static void appendString(StringBuilder out, String s) {
		boolean quote = false;
		for (int i = 0; i < s.length() && !quote; i++) {
			char c = s.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			out.append(s);
			return;
		}
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"') {
				out.append('"');
			}
			out.append(c);
		}
		out.append('"');
	}

}
