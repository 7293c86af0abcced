package fr.ptce.observatory.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a Quartz trigger does: resolve the schedule's parameters for the day of the firing
 * and launch the batch job through {@link JobRuns} (asynchronously, on the bounded
 * executor; a run of the same job on the same year that is still going makes this firing
 * a logged no-op). One Quartz job per schedule entry, not executed concurrently with
 * itself across the cluster ({@code @DisallowConcurrentExecution}); with clustering, each
 * firing runs on one server.
 */
@DisallowConcurrentExecution
public class ScheduledLaunch implements Job {

	static final String SCHEDULE = "schedule";

	static final String JOB = "job";

	static final String ZONE = "zone";

	static final String PARAMETER_PREFIX = "param.";

	private static final Logger log = LoggerFactory.getLogger(ScheduledLaunch.class);

	@Autowired
	private JobRuns runs;

	@Autowired
	private Clock clock;

	@Override
	public void execute(JobExecutionContext quartz) {
		JobDataMap data = quartz.getMergedJobDataMap();
		String schedule = data.getString(SCHEDULE);
		PipelineJob job = PipelineJob.find(data.getString(JOB)).orElse(null);
		if (job == null) {
			log.error("schedule {}: unknown job {}", schedule, data.getString(JOB));
			return;
		}
		Map<String, String> raw = new LinkedHashMap<>();
		for (String key : data.getKeys()) {
			if (key.startsWith(PARAMETER_PREFIX)) {
				raw.put(key.substring(PARAMETER_PREFIX.length()), data.getString(key));
			}
		}
		int year = LocalDate.now(clock.withZone(ZoneId.of(data.getString(ZONE)))).getYear();
		Map<String, String> parameters = ScheduleEntry.resolve(raw, year);
		Instant fire = quartz.getScheduledFireTime() == null ? Instant.now(clock)
				: quartz.getScheduledFireTime().toInstant();
		try {
			JobParameters origin = new JobParametersBuilder().addString("schedule", schedule, false)
				.addString("scheduled.fire", fire.toString(), false)
				.toJobParameters();
			var execution = runs.launch(job, parameters, origin);
			log.info("schedule {} fired for {}: {} run {}", schedule, fire, job.shortName(), execution.getId());
		}
		catch (RunConflictException ex) {
			log.warn("schedule {} fired for {} but {}", schedule, fire, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("schedule {} fired but the run could not start: {}", schedule, JobRuns.rootMessage(ex));
		}
	}

}
