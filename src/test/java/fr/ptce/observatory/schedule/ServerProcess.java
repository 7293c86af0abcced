package fr.ptce.observatory.schedule;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server in a child JVM, for the tests that kill it (kill -9) or stop it (SIGTERM): it
 * starts like {@code serve} with the test jobs, launches a slow aggregate of 2020, prints
 * {@code RUN <id>} and waits to be ended. Arguments: --name=value Spring properties
 * (observatory.data-dir and the database's).
 */
public final class ServerProcess {

	private ServerProcess() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> props = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			props.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		Path dataDir = Path.of(props.remove("observatory.data-dir"));
		ConfigurableApplicationContext context = TestServers.serve(dataDir, new TestServers.Database("child", Map.of()),
				false, props);
		GracefulTermination.install(context);
		JobRuns runs = context.getBean(JobRuns.class);
		long id = runs.launch(PipelineJob.AGGREGATE, Map.of("from", "2020", "to", "2020")).getId();
		System.out.println("RUN " + id);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
