package fr.ptce.observatory.schedule.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.launch.RunHistory;
import fr.ptce.observatory.schedule.JobRuns;
import fr.ptce.observatory.schedule.PipelineJob;
import fr.ptce.observatory.schedule.Schedules;
import fr.ptce.observatory.schedule.UnavailableJobException;
import fr.ptce.observatory.schedule.backfill.Backfill;
import fr.ptce.observatory.schedule.backfill.BackfillMode;
import fr.ptce.observatory.schedule.backfill.BackfillRequest;
import fr.ptce.observatory.schedule.backfill.Backfills;
import fr.ptce.observatory.schedule.backfill.PartitionState;
import fr.ptce.observatory.schedule.backfill.PartitionStates;
import fr.ptce.observatory.schedule.delivery.DeliveryLog;

import org.quartz.SchedulerException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API (JSON under /api; the token is checked by {@link OperatorTokenFilter}
 * before any of this runs). Errors are {@code {"error": "..."}}: 400 for a malformed or
 * wrong request, 404 for an unknown run, schedule or job, 409 for a run that conflicts
 * with the state of things (already running, not restartable).
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
public class OperatorApi {

	/**
	 * Body of POST /api/runs: {"job": "aggregate", "parameters": {"from": 2024, "to":
	 * 2025}}.
	 */
	public record StartRun(String job, Map<String, Object> parameters) {
	}

	/**
	 * Body of POST /api/backfills: {"from": 2020, "to": 2025, "steps": ["aggregate",
	 * "report"], "mode": "missing", "concurrency": 2, "dryRun": false, "asOf": null}.
	 */
	public record StartBackfill(Integer from, Integer to, List<String> steps, String mode, Integer concurrency,
			Boolean dryRun, String asOf) {
	}

	private final JobRuns runs;

	private final Backfills backfills;

	private final ObjectProvider<Schedules> schedules;

	private final ObjectProvider<DeliveryLog> deliveries;

	public OperatorApi(JobRuns runs, Backfills backfills, ObjectProvider<Schedules> schedules,
			ObjectProvider<DeliveryLog> deliveries) {
		this.runs = runs;
		this.backfills = backfills;
		this.schedules = schedules;
		this.deliveries = deliveries;
	}

	// runs

	@GetMapping("/runs")
	public List<Map<String, Object>> runs(@RequestParam(required = false) String job,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be between 1 and 1000");
		}
		String name = job == null ? null : PipelineJob.find(job).map(PipelineJob::beanName).orElse(job);
		return runs.history().recent(name, limit).stream().map(OperatorApi::summary).toList();
	}

	@GetMapping("/runs/{id}")
	public Map<String, Object> run(@PathVariable long id) {
		return detail(runs.execution(id));
	}

	@PostMapping(path = "/runs", consumes = "application/json")
	public ResponseEntity<Map<String, Object>> start(@RequestBody StartRun body) {
		if (body.job() == null || body.job().isBlank()) {
			throw new IllegalArgumentException("'job' is required (" + PipelineJob.names() + ")");
		}
		PipelineJob job = PipelineJob.find(body.job())
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown job '" + body.job() + "' (" + PipelineJob.names() + ")"));
		Map<String, String> parameters = new LinkedHashMap<>();
		if (body.parameters() != null) {
			body.parameters().forEach((k, v) -> {
				if (v instanceof Map || v instanceof List) {
					throw new IllegalArgumentException("parameter '" + k + "' must be a single value");
				}
				refuseFiles(job, k);
				parameters.put(k, v == null ? "" : v.toString());
			});
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(summary(runs.launch(job, parameters)));
	}

	/**
	 * A token gives no access to the host's files: a parameter naming a file or folder
	 * (ingest's inbox) would let it move any folder the server can write (its own
	 * database included) into rejected/.
	 */
	private static void refuseFiles(PipelineJob job, String name) {
		if (job.parameters().get(name) == PipelineJob.Kind.PATH) {
			throw new IllegalArgumentException("parameter '" + name + "' names a file or folder of the server: not "
					+ "accepted from the API (" + job.shortName() + " uses its folder of the data directory)");
		}
	}

	@PostMapping("/runs/{id}/stop")
	public ResponseEntity<Map<String, Object>> stop(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(summary(runs.stop(id)));
	}

	@PostMapping("/runs/{id}/restart")
	public ResponseEntity<Map<String, Object>> restart(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(summary(runs.restart(id)));
	}

	@PostMapping("/runs/{id}/abandon")
	public Map<String, Object> abandon(@PathVariable long id) {
		return summary(runs.abandon(id));
	}

	// schedules

	@GetMapping("/schedules")
	public List<Map<String, Object>> schedules() throws SchedulerException {
		return scheduleList().describe();
	}

	@PostMapping("/schedules/{name}/pause")
	public List<Map<String, Object>> pause(@PathVariable String name) throws SchedulerException {
		scheduleList().pause(name);
		return scheduleList().describe().stream().filter(m -> m.get("name").equals(name)).toList();
	}

	@PostMapping("/schedules/{name}/resume")
	public List<Map<String, Object>> resume(@PathVariable String name) throws SchedulerException {
		scheduleList().resume(name);
		return scheduleList().describe().stream().filter(m -> m.get("name").equals(name)).toList();
	}

	private Schedules scheduleList() {
		Schedules s = schedules.getIfAvailable();
		if (s == null) {
			throw new UnavailableJobException("no scheduler in this process");
		}
		return s;
	}

	// partitions and backfills

	@GetMapping("/partitions")
	public List<Map<String, Object>> partitions(@RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, @RequestParam(required = false) String steps) {
		List<PartitionState> states;
		if (from == null && to == null && steps == null) {
			states = PartitionStates.list(runs.history());
		}
		else {
			if (from == null || to == null) {
				throw new IllegalArgumentException("give both from and to, or neither");
			}
			List<PipelineJob> stepList = steps == null ? PartitionStates.STEPS : BackfillRequest.steps(steps);
			new BackfillRequest(from, to, stepList, BackfillMode.ALL, 1, null);
			states = PartitionStates.list(runs.history(), stepList, from, to);
		}
		return states.stream().map(s -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("step", s.step().shortName());
			m.put("year", s.year());
			m.put("state", s.state().name());
			m.put("runId", s.runId());
			m.put("endTime", s.endTime());
			return m;
		}).toList();
	}

	@PostMapping(path = "/backfills", consumes = "application/json")
	public ResponseEntity<Map<String, Object>> backfill(@RequestBody StartBackfill body) {
		if (body.from() == null || body.to() == null) {
			throw new IllegalArgumentException("'from' and 'to' (years) are required");
		}
		List<PipelineJob> steps = BackfillRequest
			.steps(String.join(",", body.steps() == null ? List.of("aggregate", "report") : body.steps()));
		BackfillRequest request = new BackfillRequest(body.from(), body.to(), steps,
				body.mode() == null ? BackfillMode.MISSING : BackfillMode.parse(body.mode()),
				body.concurrency() == null ? 1 : body.concurrency(), body.asOf());
		boolean dryRun = Boolean.TRUE.equals(body.dryRun());
		Backfill backfill = backfills.start(request, dryRun);
		Map<String, Object> answer = backfill.toMap();
		if (dryRun) {
			answer.put("id", null);
			answer.put("dryRun", true);
			return ResponseEntity.ok(answer);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
	}

	@GetMapping("/backfills")
	public List<Map<String, Object>> backfills() {
		List<Map<String, Object>> list = new ArrayList<>();
		backfills.list().forEach(b -> list.add(b.toMap()));
		return list;
	}

	@GetMapping("/backfills/{id}")
	public Map<String, Object> backfill(@PathVariable String id) {
		return backfills.find(id)
			.orElseThrow(() -> new UnavailableJobException("no backfill " + id + " since the server started"))
			.toMap();
	}

	// deliveries

	@GetMapping("/deliveries")
	public List<Map<String, Object>> deliveries() {
		DeliveryLog log = deliveries.getIfAvailable();
		return log == null ? List.of() : log.list(200);
	}

	// views

	static Map<String, Object> summary(JobExecution execution) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", execution.getId());
		String name = execution.getJobInstance().getJobName();
		m.put("job", PipelineJob.find(name).map(PipelineJob::shortName).orElse(name));
		m.put("status", execution.getStatus().name());
		m.put("exitCode", execution.getExitStatus().getExitCode());
		m.put("parameters", parameters(execution.getJobParameters()));
		m.put("createTime", execution.getCreateTime());
		m.put("startTime", execution.getStartTime());
		m.put("endTime", execution.getEndTime());
		return m;
	}

	/**
	 * The same fields as a run's detail has, read through the shared run history (as
	 * {@code status} reads it).
	 */
	static Map<String, Object> summary(RunHistory.Run run) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", run.id());
		m.put("job", PipelineJob.find(run.jobName()).map(PipelineJob::shortName).orElse(run.jobName()));
		m.put("status", run.status().name());
		m.put("exitCode", run.exitCode());
		m.put("parameters", parameters(run.parameters()));
		m.put("createTime", run.createTime());
		m.put("startTime", run.startTime());
		m.put("endTime", run.endTime());
		return m;
	}

	private static Map<String, Object> parameters(org.springframework.batch.core.job.parameters.JobParameters all) {
		Map<String, Object> params = new LinkedHashMap<>();
		all.parameters()
			.stream()
			.sorted(Comparator.comparing(p -> p.name()))
			.forEach(p -> params.put(p.name(), p.value()));
		return params;
	}

	static Map<String, Object> detail(JobExecution execution) {
		Map<String, Object> m = summary(execution);
		m.put("exitDescription", firstLines(execution.getExitStatus().getExitDescription()));
		List<Map<String, Object>> steps = new ArrayList<>();
		execution.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId)).forEach(step -> {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", step.getStepName());
			s.put("status", step.getStatus().name());
			s.put("read", step.getReadCount());
			s.put("written", step.getWriteCount());
			s.put("filtered", step.getFilterCount());
			s.put("skipped", step.getSkipCount());
			s.put("commits", step.getCommitCount());
			s.put("rollbacks", step.getRollbackCount());
			s.put("startTime", step.getStartTime());
			s.put("endTime", step.getEndTime());
			s.put("exitDescription", firstLines(step.getExitStatus().getExitDescription()));
			steps.add(s);
		});
		m.put("steps", steps);
		List<String> errors = new ArrayList<>();
		execution.getAllFailureExceptions().forEach(t -> errors.add(ApiErrors.clean(t.getMessage())));
		if (errors.isEmpty() && execution.getStatus().isUnsuccessful()) {
			String d = firstLines(execution.getExitStatus().getExitDescription());
			if (d != null && !d.isBlank()) {
				errors.add(d);
			}
			for (StepExecution step : execution.getStepExecutions()) {
				String sd = firstLines(step.getExitStatus().getExitDescription());
				if (step.getStatus().isUnsuccessful() && sd != null && !sd.isBlank()) {
					errors.add(step.getStepName() + ": " + sd);
				}
			}
		}
		m.put("errors", errors);
		return m;
	}

	/**
	 * Exit descriptions hold stack traces: their first line, without Java's type names,
	 * says what happened.
	 */
	private static String firstLines(String text) {
		return text == null ? null : ApiErrors.clean(text);
	}

}
