package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import fr.ptce.observatory.schedule.GracefulTermination;
import fr.ptce.observatory.schedule.ScheduleFile;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve [--schedules FILE] [--plain-logs]}: the long-running process: the Quartz
 * scheduler with the schedules of the file, the operator API under /api and Actuator
 * under /actuator, on 127.0.0.1:8080 unless {@code --server.address} /
 * {@code --server.port} say otherwise. Runs until SIGTERM, which stops running jobs at a
 * chunk boundary (they can be restarted) before the process ends.
 */
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
		description = { "Runs the scheduler, the operator API (/api), the "
				+ "web console (/), the partner download service (/partners/v1) and Actuator (/actuator) until stopped (SIGTERM stops running jobs at a chunk boundary, restartable)." },
		sortOptions = false)
public class ServeCommand implements Callable<Integer> {

	static final String NAME = "serve";

	@ParentCommand
	ObservatoryCommand root;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--schedules", paramLabel = "FILE",
			description = "schedule file (default: jobs/schedules.yml in the working directory, else the bundled one)")
	Path schedules;

	@Option(names = "--plain-logs", description = "human-readable logs instead of structured JSON (ECS) lines")
	boolean plainLogs;

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = spec.commandLine().getOut();
		if (schedules != null && !Files.isRegularFile(schedules)) {
			throw new UsageException("--schedules " + schedules + ": no such file");
		}
		// checked before Spring starts, so that a bad file is one clear line and exit
		// status 2
		try {
			ScheduleFile.load(schedules);
		}
		catch (RuntimeException ex) {
			throw new UsageException(ex.getMessage());
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("spring.quartz.auto-startup", "true");
		extra.put("observatory.serve.enabled", "true");
		if (schedules != null) {
			extra.put("observatory.serve.schedules", schedules.toAbsolutePath().normalize().toString());
		}
		if (!plainLogs) {
			extra.put("logging.structured.format.console", "ecs");
		}
		Path dataDir = root.global.dataDir();
		CountDownLatch closed = new CountDownLatch(1);
		ConfigurableApplicationContext context = ApplicationContexts.start(root.global, dataDir,
				WebApplicationType.SERVLET, extra);
		GracefulTermination.install(context);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		if (!context.isActive()) {
			return 0;
		}
		String port = context.getEnvironment().getProperty("local.server.port", "?");
		String address = context.getEnvironment().getProperty("server.address", "0.0.0.0");
		out.println("observatory serving on http://" + address + ":" + port
				+ "/api (web console: /, partner downloads: "
				+ "/partners/v1, Actuator: /actuator/health), data directory " + dataDir.toAbsolutePath().normalize());
		out.flush();
		closed.await();
		GracefulTermination.awaitEnd();
		return GracefulTermination.exitStatus();
	}

}
