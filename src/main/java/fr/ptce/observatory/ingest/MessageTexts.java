package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The receipt texts of one language, read once from {@code messages_LANG.properties}
 * (UTF-8) and cut into templates: literal text and argument places {@code {0}},
 * {@code {1}}... A text is made only for an issue, by appending literals and arguments
 * into one StringBuilder (no MessageFormat: its quoting rules would turn the apostrophes
 * of the texts into syntax).
 */
final class MessageTexts {

	static final MessageTexts FR = load("fr");

	static final MessageTexts EN = load("en");

	private final Map<String, Template> templates;

	private MessageTexts(Map<String, Template> templates) {
		this.templates = templates;
	}

	static MessageTexts load(String language) {
		String resource = "/messages_" + language + ".properties";
		Properties properties = new Properties();
		try (InputStream in = MessageTexts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the class path");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + resource, ex);
		}
		Map<String, Template> templates = new HashMap<>();
		for (String key : properties.stringPropertyNames()) {
			templates.put(key, Template.parse(resource, key, properties.getProperty(key)));
		}
		return new MessageTexts(templates);
	}

	Set<String> keys() {
		return templates.keySet();
	}

	/**
	 * The text of {@code key} with its places filled by {@code args}, in order of their
	 * numbers.
	 */
	String format(String key, String... args) {
		return required(key).format(args);
	}

	/**
	 * The text of {@code key} as UTF-8 bytes, for a receipt (see {@link Issue}): the same
	 * text as {@link #format}.
	 */
	byte[] utf8(String key, String... args) {
		return utf8(key, encode(args));
	}

	/** Like {@link #utf8(String, String...)}, the arguments given in UTF-8. */
	byte[] utf8(String key, byte[][] args) {
		return required(key).utf8(args);
	}

	private Template required(String key) {
		Template template = templates.get(key);
		if (template == null) {
			throw new IllegalArgumentException("no receipt text " + key);
		}
		return template;
	}

	/**
	 * Strings in UTF-8: a template's literals, once when read; a text's arguments, once
	 * for both languages (pole ids, periods, figures: nearly always ASCII, which getBytes
	 * copies in bulk).
	 */
	static byte[][] encode(String... args) {
		byte[][] encoded = new byte[args.length][];
		for (int i = 0; i < args.length; i++) {
			encoded[i] = args[i].getBytes(StandardCharsets.UTF_8);
		}
		return encoded;
	}

	/**
	 * Literal parts around argument places:
	 * {@code literals[0] args[0] literals[1] ... literals[n]}, the literals also in
	 * UTF-8.
	 */
	record Template(String[] literals, int[] args, byte[][] utf8Literals) {

		Template(String[] literals, int[] args) {
			this(literals, args, MessageTexts.encode(literals));
		}

		static Template parse(String resource, String key, String text) {
			List<String> literals = new ArrayList<>();
			List<Integer> args = new ArrayList<>();
			int from = 0;
			int open = text.indexOf('{');
			while (open >= 0) {
				int close = text.indexOf('}', open);
				String number = close < 0 ? "" : text.substring(open + 1, close);
				if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
					throw new IllegalStateException(resource + ", " + key + ": '{' must open an argument place such"
							+ " as {0}, at " + open + " in: " + text);
				}
				literals.add(text.substring(from, open));
				args.add(Integer.parseInt(number));
				from = close + 1;
				open = text.indexOf('{', from);
			}
			literals.add(text.substring(from));
			return new Template(literals.toArray(String[]::new), args.stream().mapToInt(Integer::intValue).toArray());
		}

		/** The highest argument number used, -1 for none. */
		int maxArgument() {
			int max = -1;
			for (int a : args) {
				max = Math.max(max, a);
			}
			return max;
		}

		String format(String... values) {
			int length = 0;
			for (String literal : literals) {
				length += literal.length();
			}
			StringBuilder text = new StringBuilder(length + 16 * args.length);
			text.append(literals[0]);
			for (int i = 0; i < args.length; i++) {
				text.append(values[args[i]]).append(literals[i + 1]);
			}
			return text.toString();
		}

		/**
		 * {@link #format}'s text in UTF-8, without making it a String: the literals are
		 * copied as encoded once, the arguments as given (see
		 * {@link MessageTexts#encode}).
		 */
		byte[] utf8(byte[][] values) {
			int length = 0;
			for (byte[] literal : utf8Literals) {
				length += literal.length;
			}
			for (int arg : args) {
				length += values[arg].length;
			}
			byte[] text = new byte[length];
			int at = copy(utf8Literals[0], text, 0);
			for (int i = 0; i < args.length; i++) {
				at = copy(values[args[i]], text, at);
				at = copy(utf8Literals[i + 1], text, at);
			}
			return text;
		}

		private static int copy(byte[] from, byte[] to, int at) {
			System.arraycopy(from, 0, to, at, from.length);
			return at + from.length;
		}

	}

	Template template(String key) {
		return templates.get(key);
	}

}
