package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import fr.ptce.observatory.extract.Extracts;
import fr.ptce.observatory.aggregate.AuditStatus;
import fr.ptce.observatory.ingest.JdbcSubmissionLedger;
import fr.ptce.observatory.launch.RunHistory;
import fr.ptce.observatory.schedule.backfill.PartitionState;
import fr.ptce.observatory.schedule.backfill.PartitionStates;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code status}: the job executions and the files ingested. */
@Command(name = StatusCommand.NAME, mixinStandardHelpOptions = true,
		description = "Lists the recent job executions (status, steps, counts), the state of each (step, year), the "
				+ "partner extracts and the files ingested.")
public class StatusCommand implements Callable<Integer> {

	static final String NAME = "status";

	@ParentCommand
	ObservatoryCommand parent;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20",
			description = "how many executions and files to list (default: ${DEFAULT-VALUE})")
	int limit;

	@Override
	public Integer call() throws SQLException {
		PrintWriter out = spec.commandLine().getOut();
		if (DirectDatabase.applies(parent.global)) {
			// read-only: no Spring, the database and the files read directly
			CommandLogging.apply();
			parent.global.checkGivenFiles();
			DataDirectory dir = new DataDirectory(parent.global.dataDir().toAbsolutePath().normalize());
			dir.createLayout();
			Optional<Connection> connection = DirectDatabase.open(dir.root());
			try {
				JdbcTemplate jdbc = connection.map(c -> new JdbcTemplate(new SingleConnectionDataSource(c, true)))
					.orElse(null);
				print(jdbc, dir, out);
			}
			finally {
				if (connection.isPresent()) {
					connection.get().close();
				}
			}
			return 0;
		}
		try (ConfigurableApplicationContext context = ApplicationContexts.start(parent.global,
				parent.global.dataDir())) {
			print(context.getBean(JdbcTemplate.class), context.getBean(DataDirectory.class), out);
			return 0;
		}
	}

	/**
	 * The screen; {@code jdbc} null when the database was never created (nothing ran
	 * yet).
	 */
	private void print(JdbcTemplate jdbc, DataDirectory dir, PrintWriter out) {
		RunHistory history = jdbc == null ? null : new RunHistory(jdbc);
		out.println("Job executions (most recent first):");
		List<RunHistory.Run> runs = history == null ? List.of() : history.recent(null, limit);
		if (runs.isEmpty()) {
			out.println("  none yet");
		}
		for (RunHistory.Run e : runs) {
			out.printf("  #%-5s %-14s %-10s started %s, ended %s%n", e.id(), e.jobName(), e.status(),
					sqlText(e.startTime()), e.endTime() == null ? "-" : sqlText(e.endTime()));
			for (RunHistory.Step s : e.steps()) {
				out.printf("         %-22s %-10s read %s, written %s, filtered %s%n", s.name(), s.status(), s.read(),
						s.written(), s.filtered());
				String message = s.exitMessage();
				if (message != null && !message.isBlank() && !"COMPLETED".equals(s.status())) {
					out.println("         " + message.lines().findFirst().orElse(""));
				}
			}
		}
		out.println();
		out.println("State of each (step, year):");
		List<PartitionState> partitions = history == null ? List.of() : PartitionStates.list(history);
		if (partitions.isEmpty()) {
			out.println("  none yet");
		}
		for (PartitionState p : partitions) {
			out.printf("  %-10s %d  %-10s run #%s%s%n", p.step().name().toLowerCase(Locale.ROOT), p.year(), p.state(),
					p.runId() == null ? "-" : p.runId(), p.endTime() == null ? "" : ", ended " + p.endTime());
		}
		out.println();
		out.println("Confidentiality audit, staff only (per aggregated year):");
		List<String> audit = AuditStatus.lines(dir);
		if (audit.isEmpty()) {
			out.println("  none yet");
		}
		audit.forEach(line -> out.println("  " + line));
		out.println();
		out.println("Partner extracts (latest version of each partner and year):");
		printExtracts(dir, out);
		out.println();
		out.println("Files processed (most recent first):");
		List<Map<String, Object>> files = jdbc == null ? List.of() : new JdbcSubmissionLedger(jdbc).recent(limit);
		if (files.isEmpty()) {
			out.println("  none yet");
		}
		for (Map<String, Object> f : files) {
			out.printf("  %-50s %-20s %s rows read, %s accepted, %s rejected -> %s%n", f.get("FILE_NAME"),
					f.get("STATUS") + (f.get("REASON") == null ? "" : " " + f.get("REASON")), f.get("ROWS_READ"),
					f.get("ROWS_ACCEPTED"), f.get("ROWS_REJECTED"), f.get("STORED_AS"));
		}
	}

	/**
	 * A time as the database prints it (2026-03-31 12:00:00.123), as this screen always
	 * showed it.
	 */
	private static String sqlText(LocalDateTime time) {
		return time == null ? "null" : Timestamp.valueOf(time).toString();
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
