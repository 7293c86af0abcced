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
		Template template = templates.get(key);
		if (template == null) {
			throw new IllegalArgumentException("no receipt text " + key);
		}
		return template.format(args);
	}

	/**
	 * Literal parts around argument places:
	 * {@code literals[0] args[0] literals[1] ... literals[n]}.
	 */
	record Template(String[] literals, int[] args) {

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

	}

	Template template(String key) {
		return templates.get(key);
	}

}
