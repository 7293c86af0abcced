package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import fr.ptce.observatory.extract.Extracts;
import fr.ptce.observatory.ingest.JdbcSubmissionLedger;
import fr.ptce.observatory.aggregate.AuditStatus;
import fr.ptce.observatory.schedule.backfill.PartitionState;
import fr.ptce.observatory.schedule.backfill.PartitionStates;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status}: the job executions and the files ingested. */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Lists the recent job executions (status, steps, counts), the state of each (step, year), the "
				+ "partner extracts and the files ingested.")
public class StatusCommand implements Callable<Integer> {

	@ParentCommand
	ObservatoryCommand parent;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "how many executions and files to list (default: ${DEFAULT-VALUE})")
	int limit;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.global, parent.global.dataDir())) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			out.println("Job executions (most recent first):");
			List<Map<String, Object>> executions = jdbc.queryForList("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS,"
					+ " e.START_TIME, e.END_TIME, e.EXIT_CODE FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
					+ " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + limit
					+ " ROWS ONLY");
			if (executions.isEmpty()) {
				out.println("  none yet");
			}
			for (Map<String, Object> e : executions) {
				out.printf("  #%-5s %-14s %-10s started %s, ended %s%n", e.get("JOB_EXECUTION_ID"), e.get("JOB_NAME"),
						e.get("STATUS"), e.get("START_TIME"), e.get("END_TIME") == null ? "-" : e.get("END_TIME"));
				List<Map<String, Object>> steps = jdbc.queryForList("SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT,"
						+ " FILTER_COUNT, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
						+ " ORDER BY STEP_EXECUTION_ID", e.get("JOB_EXECUTION_ID"));
				for (Map<String, Object> s : steps) {
					out.printf("         %-22s %-10s read %s, written %s, filtered %s%n", s.get("STEP_NAME"),
							s.get("STATUS"), s.get("READ_COUNT"), s.get("WRITE_COUNT"), s.get("FILTER_COUNT"));
					String message = (String) s.get("EXIT_MESSAGE");
					if (message != null && !message.isBlank() && !"COMPLETED".equals(s.get("STATUS"))) {
						out.println("         " + message.lines().findFirst().orElse(""));
					}
				}
			}
			out.println();
			out.println("State of each (step, year):");
			List<PartitionState> partitions = PartitionStates.list(context);
			if (partitions.isEmpty()) {
				out.println("  none yet");
			}
			for (PartitionState p : partitions) {
				out.printf("  %-10s %d  %-10s run #%s%s%n", p.step().name().toLowerCase(java.util.Locale.ROOT), p.year(),
						p.state(), p.runId() == null ? "-" : p.runId(), p.endTime() == null ? "" : ", ended " + p.endTime());
			}
			out.println();
			out.println("Confidentiality audit, staff only (per aggregated year):");
			List<String> audit = AuditStatus.lines(context.getBean(DataDirectory.class));
			if (audit.isEmpty()) {
				out.println("  none yet");
			}
			audit.forEach(line -> out.println("  " + line));
			out.println();
			out.println("Partner extracts (latest version of each partner and year):");
			printExtracts(context.getBean(DataDirectory.class), out);
			out.println();
			out.println("Files processed (most recent first):");
			List<Map<String, Object>> files = context.getBean(JdbcSubmissionLedger.class).recent(limit);
			if (files.isEmpty()) {
				out.println("  none yet");
			}
			for (Map<String, Object> f : files) {
				out.printf("  %-50s %-20s %s rows read, %s accepted, %s rejected -> %s%n", f.get("FILE_NAME"),
						f.get("STATUS") + (f.get("REASON") == null ? "" : " " + f.get("REASON")), f.get("ROWS_READ"),
						f.get("ROWS_ACCEPTED"), f.get("ROWS_REJECTED"), f.get("STORED_AS"));
			}
			return 0;
		}
	}

	private static void printExtracts(DataDirectory dir, PrintWriter out) {
		List<Extracts.Extract> extracts = Extracts.list(dir);
		if (extracts.isEmpty()) {
			out.println("  none yet");
		}
		Map<String, Long> versions = extracts.stream()
			.collect(Collectors.groupingBy(e -> e.partner() + " " + e.year(), Collectors.counting()));
		String last = null;
		for (Extracts.Extract e : extracts) {
			String key = e.partner() + " " + e.year();
			if (key.equals(last)) {
				continue;
			}
			last = key;
			out.printf("  %-12s %d  %s  (%d version(s))  %s%n", e.partner(), e.year(), e.version(), versions.get(key),
					e.folder());
		}
	}

}
