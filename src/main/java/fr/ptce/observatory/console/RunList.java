package fr.ptce.observatory.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.ptce.observatory.schedule.PipelineJob;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The latest runs as the list page shows them (id, job, status, exit code, parameters,
 * start, end), read in two queries from the job repository's tables, as {@code status}
 * reads them: the repository's own API loads each run whole (steps, contexts), a few
 * queries per run, which made the list page of a hundred runs slow. A run's page still
 * goes through the operator API.
 */
final class RunList {

	private final JdbcTemplate jdbc;

	RunList(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest runs, newest first, of one job (its bean name) or of all. */
	List<Map<String, Object>> latest(PipelineJob job, int limit) {
		List<Object> args = new ArrayList<>();
		String where = "";
		if (job != null) {
			where = " WHERE i.JOB_NAME = ?";
			args.add(job.beanName());
		}
		List<Map<String, Object>> rows = jdbc.queryForList(
				"SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS,"
						+ " e.EXIT_CODE, e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
						+ " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID" + where
						+ " ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
				args.toArray());
		if (rows.isEmpty()) {
			return List.of();
		}
		long last = ((Number) rows.get(rows.size() - 1).get("JOB_EXECUTION_ID")).longValue();
		Map<Long, Map<String, Object>> parameters = new LinkedHashMap<>();
		jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS"
				+ " WHERE JOB_EXECUTION_ID >= ?", rs -> {
					parameters.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
						.put(rs.getString(2), rs.getString(3));
				}, last);
		List<Map<String, Object>> runs = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("JOB_EXECUTION_ID")).longValue();
			String name = (String) r.get("JOB_NAME");
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", id);
			m.put("job", PipelineJob.find(name).map(PipelineJob::shortName).orElse(name));
			m.put("status", r.get("STATUS"));
			m.put("exitCode", r.get("EXIT_CODE"));
			m.put("parameters", parameters.getOrDefault(id, Map.of()));
			m.put("startTime", r.get("START_TIME"));
			m.put("endTime", r.get("END_TIME"));
			runs.add(m);
		}
		return runs;
	}

}
