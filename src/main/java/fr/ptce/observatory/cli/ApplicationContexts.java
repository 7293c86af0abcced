package fr.ptce.observatory.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.ObservatoryApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for one command, with the global options as properties. Command-line runs
 * are not web applications and never start the scheduler (spring.quartz.auto-startup is false but for
 * `serve`), so that triggers persisted by a server never fire from a command.
 */
public final class ApplicationContexts {

	private ApplicationContexts() {
	}

	public static ConfigurableApplicationContext start(GlobalOptions global, Path dataDir) {
		return start(global, dataDir, WebApplicationType.NONE, Map.of());
	}

	public static ConfigurableApplicationContext start(GlobalOptions global, Path dataDir, WebApplicationType web,
			Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("observatory.data-dir", dataDir.toAbsolutePath().normalize().toString());
		if (global.registry() != null) {
			properties.put("observatory.registry", global.registry().toAbsolutePath().normalize().toString());
		}
		if (global.partners() != null) {
			properties.put("observatory.partners-file", global.partners().toAbsolutePath().normalize().toString());
		}
		properties.putAll(extra);
		// as command-line arguments, the highest precedence: above application.yml's defaults
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(global.springArguments());
		return new SpringApplicationBuilder(ObservatoryApplication.class).web(web)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
	}

}
