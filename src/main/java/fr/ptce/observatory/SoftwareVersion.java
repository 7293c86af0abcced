package fr.ptce.observatory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The software version recorded in every artefact, from the build
 * (observatory-version.properties).
 */
public final class SoftwareVersion {

	private static final String VERSION = load();

	private SoftwareVersion() {
	}

	public static String get() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = SoftwareVersion.class.getResourceAsStream("/observatory-version.properties")) {
			if (in == null) {
				return "dev";
			}
			Properties p = new Properties();
			p.load(in);
			String v = p.getProperty("version", "dev");
			return v.startsWith("@") ? "dev" : v;
		}
		catch (IOException ex) {
			return "dev";
		}
	}

}
