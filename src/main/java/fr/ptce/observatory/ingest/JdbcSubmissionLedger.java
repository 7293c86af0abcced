package fr.ptce.observatory.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in the job repository's database, table OBS_SUBMISSION (Flyway migration
 * V2).
 */
@Component
public class JdbcSubmissionLedger implements SubmissionLedger {

	private final JdbcTemplate jdbc;

	public JdbcSubmissionLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean alreadyIngested(String sha256) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM OBS_SUBMISSION WHERE SHA256 = ? AND STATUS = ?",
				Integer.class, sha256, FileStatus.ACCEPTED.name());
		return n != null && n > 0;
	}

	@Override
	@Transactional
	public void record(String runId, Instant ingestedAt, List<SubmissionOutcome> outcomes, Long jobExecutionId) {
		for (SubmissionOutcome o : outcomes) {
			Integer exists = jdbc.queryForObject(
					"SELECT COUNT(*) FROM OBS_SUBMISSION WHERE RUN_ID = ? AND FILE_NAME = ?", Integer.class, runId,
					o.name());
			if (exists != null && exists > 0) {
				continue;
			}
			jdbc.update(
					"INSERT INTO OBS_SUBMISSION (RUN_ID, FILE_NAME, SHA256, STATUS, REASON, INGESTED_AT, ROWS_READ,"
							+ " ROWS_ACCEPTED, ROWS_REJECTED, ROWS_WITH_WARNINGS, STORED_AS, JOB_EXECUTION_ID)"
							+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					runId, o.name(), o.sha256(), o.status().name(), o.reason(), Timestamp.from(ingestedAt),
					o.rowsRead(), o.rowsAccepted(), o.rowsRejected(), o.rowsWithWarnings(), o.destination(),
					jobExecutionId);
		}
	}

	/** The files processed, most recent first. */
	public List<Map<String, Object>> recent(int limit) {
		return jdbc.queryForList("SELECT ID, FILE_NAME, SHA256, STATUS, REASON, INGESTED_AT, ROWS_READ, ROWS_ACCEPTED,"
				+ " ROWS_REJECTED, ROWS_WITH_WARNINGS, STORED_AS, JOB_EXECUTION_ID FROM OBS_SUBMISSION ORDER BY ID DESC"
				+ " FETCH FIRST " + limit + " ROWS ONLY");
	}

	/** One processed file by its row id (the console's page of a receipt), or null. */
	public Map<String, Object> find(long id) {
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT ID, FILE_NAME, SHA256, STATUS, REASON,"
				+ " INGESTED_AT, ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED, ROWS_WITH_WARNINGS, STORED_AS, JOB_EXECUTION_ID"
				+ " FROM OBS_SUBMISSION WHERE ID = ?", id);
		return rows.isEmpty() ? null : rows.get(0);
	}

}
