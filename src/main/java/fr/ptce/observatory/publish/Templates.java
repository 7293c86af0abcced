package fr.ptce.observatory.publish;

import fr.ptce.observatory.warehouse.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ptce.observatory.warehouse.AtomicFiles;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * The JRXML templates of reports-templates/ (on the class path as /reports-templates/),
 * compiled once and kept: in memory for the process, and on disk under
 * DATA_DIR/cache/reports/NAME-SHA8.jasper, keyed by the template's SHA-256, so that a run
 * never compiles a template that an earlier run already compiled. A template that does
 * not compile is an error naming the template and, where it can be found, its line.
 */
public final class Templates {

	public static final String RESOURCE_DIR = "/reports-templates/";

	private final Path cacheDir;

	private final Map<String, JasperReport> loaded = new ConcurrentHashMap<>();

	private final AtomicInteger compilations = new AtomicInteger();

	/**
	 * Whether the templates compiled by the build (NAME-SHA16.jasper beside the JRXML on
	 * the class path) are read.
	 */
	private final boolean shipped;

	public Templates(Path cacheDir) {
		this(cacheDir, true);
	}

	Templates(Path cacheDir, boolean shipped) {
		this.cacheDir = cacheDir;
		this.shipped = shipped;
	}

	/**
	 * The build's step (process-classes): compiles each template named into
	 * DIR/NAME-SHA16.jasper, the compiled template the jar ships, so that no run compiles
	 * it (2.4 s and 4.4 s of CPU in a fresh JVM, docs/benchmarks.md).
	 * @param args DIR, then the names of the templates
	 */
	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		Files.createDirectories(out);
		for (int i = 1; i < args.length; i++) {
			String name = args[i];
			byte[] jrxml = read(name);
			Path target = out.resolve(compiledName(name, Sha256.of(jrxml)));
			if (!Files.isRegularFile(target)) {
				JasperReport report = compile(name, jrxml);
				try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(target))) {
					o.writeObject(report);
				}
			}
		}
	}

	private static String compiledName(String name, String sha) {
		return name + "-" + sha.substring(0, 16) + ".jasper";
	}

	/**
	 * How many templates this instance compiled (rather than read from the cache): the
	 * benchmark checks it.
	 */
	public int compilations() {
		return compilations.get();
	}

	public JasperReport get(String name) {
		return loaded.computeIfAbsent(name, this::load);
	}

	private JasperReport load(String name) {
		byte[] jrxml = read(name);
		String sha = Sha256.of(jrxml);
		if (shipped) {
			try (InputStream in = Templates.class.getResourceAsStream(RESOURCE_DIR + compiledName(name, sha))) {
				if (in != null) {
					return (JasperReport) new ObjectInputStream(in).readObject();
				}
			}
			catch (IOException | ClassNotFoundException | ClassCastException ex) {
				// not readable by this JasperReports: compiled below, or read from the
				// cache
			}
		}
		Path cached = cacheDir == null ? null : cacheDir.resolve(compiledName(name, sha));
		if (cached != null && Files.isRegularFile(cached)) {
			try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(cached))) {
				return (JasperReport) in.readObject();
			}
			catch (IOException | ClassNotFoundException | ClassCastException ex) {
				// a cache written by another JasperReports version: compile again below
			}
		}
		compilations.incrementAndGet();
		JasperReport report = compile(name, jrxml);
		if (cached != null) {
			pruneOtherVersions(name, cached);
			AtomicFiles.write(cached, tmp -> {
				try {
					JRSaver.saveObject(report, tmp.toFile());
				}
				catch (JRException ex) {
					throw new IOException(ex.getMessage(), ex);
				}
			});
		}
		return report;
	}

	/**
	 * Compiled versions of a template that changed since are never read again: delete
	 * them.
	 */
	private void pruneOtherVersions(String name, Path keep) {
		if (!Files.isDirectory(cacheDir)) {
			return;
		}
		try (var files = Files.list(cacheDir)) {
			files.filter(f -> f.getFileName().toString().matches(Pattern.quote(name) + "-[0-9a-f]{16}\\.jasper"))
				.filter(f -> !f.equals(keep))
				.forEach(AtomicFiles::deleteQuietly);
		}
		catch (IOException ex) {
			// an old compiled template left behind costs only disk space
		}
	}

	static JasperReport compile(String name, byte[] jrxml) {
		try {
			return JasperCompileManager.compileReport(new ByteArrayInputStream(jrxml));
		}
		catch (JRException | RuntimeException ex) {
			throw new TemplateException(describe(name, new String(jrxml, StandardCharsets.UTF_8), ex), ex);
		}
	}

	private static final Pattern LINE = Pattern.compile("(?i)line(?:Number)?[ :=]+(\\d+)");

	/**
	 * The generated Java line of an expression that JDT reports: value = ...;
	 * //$JR_EXPR_ID=n$
	 */
	private static final Pattern GENERATED = Pattern.compile("value = (.+?);\\s*//\\$JR_EXPR_ID");

	/** A design validation error on an undeclared name: Parameter not found : X. */
	private static final Pattern NOT_FOUND = Pattern.compile("(Parameter|Field|Variable) not found : (\\w+)");

	/** A parameter, field or variable reference as the expression compiler writes it. */
	private static final Pattern REFERENCE = Pattern
		.compile("\\(\\([\\w.$<>\\[\\], ]+\\)(parameter|field|variable)_(\\w+)\\.get(?:Old|Estimated)?Value\\(\\)\\)");

	/**
	 * reports-templates/NAME.jrxml, line N: the reason. The line comes from the XML
	 * parser, or for a Java expression that does not compile, from the position of that
	 * expression in the template.
	 */
	static String describe(String name, String text, Throwable ex) {
		StringBuilder reason = new StringBuilder();
		Integer line = null;
		for (Throwable t = ex; t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof org.xml.sax.SAXParseException sax) {
				line = sax.getLineNumber();
			}
			if (t.getMessage() != null && reason.length() == 0) {
				reason.append(t.getMessage().strip());
			}
			if (line == null && t.getMessage() != null) {
				Matcher m = LINE.matcher(t.getMessage());
				if (m.find()) {
					line = Integer.valueOf(m.group(1));
				}
			}
		}
		if (line == null) {
			Matcher m = GENERATED.matcher(reason);
			if (m.find()) {
				String expression = jrxmlExpression(m.group(1).strip());
				int at = text.indexOf(expression);
				if (at >= 0) {
					line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
				}
			}
		}
		if (line == null) {
			Matcher m = NOT_FOUND.matcher(reason);
			if (m.find()) {
				String reference = "$" + m.group(1).charAt(0) + "{" + m.group(2) + "}";
				int at = text.indexOf(reference);
				if (at >= 0) {
					line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
				}
			}
		}
		String first = reason.toString()
			.lines()
			.filter(l -> !l.isBlank())
			.limit(3)
			.reduce((a, b) -> a + " " + b)
			.orElse(ex.getClass().getSimpleName());
		return "reports-templates/" + name + ".jrxml" + (line != null ? ", line " + line : "") + ": " + first;
	}

	/**
	 * Back from the generated Java to the template's text:
	 * ((String)parameter_X.getValue()) is $P{X}.
	 */
	static String jrxmlExpression(String generated) {
		Matcher m = REFERENCE.matcher(generated);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String prefix = switch (m.group(1)) {
				case "parameter" -> "$P{";
				case "field" -> "$F{";
				default -> "$V{";
			};
			m.appendReplacement(out, Matcher.quoteReplacement(prefix + m.group(2) + "}"));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static byte[] read(String name) {
		try (InputStream in = Templates.class.getResourceAsStream(RESOURCE_DIR + name + ".jrxml")) {
			if (in == null) {
				throw new TemplateException("reports-templates/" + name + ".jrxml is missing from the build");
			}
			byte[] bytes = in.readAllBytes();
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A template that cannot be read or compiled. */
	public static class TemplateException extends RuntimeException {

		public TemplateException(String message) {
			super(message);
		}

		/**
		 * The JasperReports exception is kept as suppressed, not as the cause, so that
		 * the command line, which prints the deepest cause's message, prints this one:
		 * the template, its line and the reason.
		 */
		public TemplateException(String message, Throwable detail) {
			super(message);
			addSuppressed(detail);
		}

	}

}
