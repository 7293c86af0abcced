package fr.ptce.observatory.launch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of what ran, read from the job repository's tables in a fixed number of
 * queries per screen (not one per execution, as {@code JobRepository} reads them): what
 * {@code status}, {@code GET /api/runs} and the partition states
 * ({@code GET /api/partitions}, backfills) show. Plain JDBC on a {@link JdbcTemplate}, so
 * that {@code status} can read it without starting Spring.
 */
@Component
public class RunHistory {

	/** One step execution, as the tables hold it. */
	public record Step(long id, String name, String status, long read, long written, long filtered,
			String exitMessage) {
	}

	/** One job execution with its parameters (and its steps when asked for). */
	public record Run(long id, String jobName, BatchStatus status, String exitCode, LocalDateTime createTime,
			LocalDateTime startTime, LocalDateTime endTime, JobParameters parameters, List<Step> steps) {
	}

	private static final String EXECUTIONS = "SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.EXIT_CODE,"
			+ " e.CREATE_TIME, e.START_TIME, e.END_TIME FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
			+ " ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID";

	private final JdbcTemplate jdbc;

	public RunHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The latest runs (of one job, or of all when null), newest first, with their steps:
	 * three queries.
	 */
	public List<Run> recent(String jobName, int limit) {
		List<Object> args = new ArrayList<>();
		String where = "";
		if (jobName != null) {
			where = " WHERE i.JOB_NAME = ?";
			args.add(jobName);
		}
		List<Row> rows = jdbc.query(EXECUTIONS + where + " ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST "
				+ Math.max(1, limit) + " ROWS ONLY", RunHistory::row, args.toArray());
		if (rows.isEmpty()) {
			return List.of();
		}
		long low = rows.get(rows.size() - 1).id;
		long high = rows.get(0).id;
		Map<Long, List<JobParameter<?>>> parameters = parameters(" WHERE JOB_EXECUTION_ID BETWEEN ? AND ?", low, high);
		Map<Long, List<Step>> steps = new HashMap<>();
		jdbc.query("SELECT JOB_EXECUTION_ID, STEP_EXECUTION_ID, STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT,"
				+ " FILTER_COUNT, EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID BETWEEN ? AND ?"
				+ " ORDER BY STEP_EXECUTION_ID", rs -> {
					steps.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
						.add(new Step(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
								rs.getLong(7), rs.getString(8)));
				}, low, high);
		return rows.stream().map(r -> r.run(parameters, steps.getOrDefault(r.id, List.of()))).toList();
	}

	/**
	 * Every run of these jobs, with its parameters and without its steps, in id order:
	 * two queries.
	 */
	public List<Run> ofJobs(Collection<String> jobNames) {
		if (jobNames.isEmpty()) {
			return List.of();
		}
		String in = " IN (" + String.join(",", Collections.nCopies(jobNames.size(), "?")) + ")";
		Object[] names = jobNames.toArray();
		List<Row> rows = jdbc.query(EXECUTIONS + " WHERE i.JOB_NAME" + in + " ORDER BY e.JOB_EXECUTION_ID",
				RunHistory::row, names);
		Map<Long, List<JobParameter<?>>> parameters = parameters(" WHERE JOB_EXECUTION_ID IN (SELECT e.JOB_EXECUTION_ID"
				+ " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
				+ " WHERE i.JOB_NAME" + in + ")", names);
		return rows.stream().map(r -> r.run(parameters, List.of())).toList();
	}

	private Map<Long, List<JobParameter<?>>> parameters(String where, Object... args) {
		Map<Long, List<JobParameter<?>>> parameters = new HashMap<>();
		jdbc.query("SELECT JOB_EXECUTION_ID, PARAMETER_NAME, PARAMETER_TYPE, PARAMETER_VALUE, IDENTIFYING"
				+ " FROM BATCH_JOB_EXECUTION_PARAMS" + where, rs -> {
					parameters.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
						.add(parameter(rs.getString(2), rs.getString(3), rs.getString(4), "Y".equals(rs.getString(5))));
				}, args);
		return parameters;
	}

	/**
	 * A parameter typed as Spring Batch stored it (Long, Double, String...); a type it
	 * cannot rebuild stays text.
	 */
	static JobParameter<?> parameter(String name, String type, String value, boolean identifying) {
		try {
			Class<?> cls = Class.forName(type);
			Object typed = DefaultConversionService.getSharedInstance().convert(value, cls);
			if (typed != null) {
				return typedParameter(name, typed, cls, identifying);
			}
		}
		catch (ClassNotFoundException | RuntimeException ex) {
			// shown as the stored text
		}
		return new JobParameter<>(name, value, String.class, identifying);
	}

	@SuppressWarnings("unchecked")
	private static <T> JobParameter<T> typedParameter(String name, Object value, Class<T> type, boolean identifying) {
		return new JobParameter<>(name, (T) value, type, identifying);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDateTime.class), rs.getObject(6, LocalDateTime.class),
				rs.getObject(7, LocalDateTime.class));
	}

	private record Row(long id, String jobName, String status, String exitCode, LocalDateTime createTime,
			LocalDateTime startTime, LocalDateTime endTime) {

		Run run(Map<Long, List<JobParameter<?>>> parameters, List<Step> steps) {
			Map<String, JobParameter<?>> byName = new LinkedHashMap<>();
			parameters.getOrDefault(id, List.of())
				.stream()
				.sorted(Comparator.comparing(JobParameter::name))
				.forEach(p -> byName.put(p.name(), p));
			return new Run(id, jobName, BatchStatus.valueOf(status), exitCode, createTime, startTime, endTime,
					new JobParameters(new HashSet<>(byName.values())), steps);
		}

	}

}
