package fr.ptce.observatory.schedule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules of the file in the Quartz store. At start-up of {@code serve} the file is
 * the truth: each enabled entry is stored (replacing what a previous start stored,
 * keeping a pause made through the API), disabled and removed entries are deleted.
 * Pausing and resuming through the API act on the stored trigger, cluster-wide.
 */
public class Schedules {

	/** The Quartz group of the observatory's schedules. */
	public static final String GROUP = "observatory";

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	private final Scheduler scheduler;

	private final List<ScheduleEntry> entries;

	private final Path source;

	public Schedules(Scheduler scheduler, List<ScheduleEntry> entries, Path source) {
		this.scheduler = scheduler;
		this.entries = List.copyOf(entries);
		this.source = source;
	}

	public List<ScheduleEntry> entries() {
		return entries;
	}

	/** Stores the file's schedules in the Quartz store. */
	public void synchronize() throws SchedulerException {
		Set<JobKey> wanted = new HashSet<>();
		for (ScheduleEntry entry : entries) {
			if (!entry.enabled()) {
				continue;
			}
			JobKey key = JobKey.jobKey(entry.name(), GROUP);
			wanted.add(key);
			TriggerKey triggerKey = TriggerKey.triggerKey(entry.name(), GROUP);
			boolean paused = scheduler.getTriggerState(triggerKey) == Trigger.TriggerState.PAUSED;
			JobDetail detail = jobDetail(entry, key);
			CronTrigger trigger = trigger(entry, key, triggerKey);
			// an unchanged schedule is left alone: replacing a trigger that another
			// server of the cluster has
			// already acquired for its next firing would let that firing happen twice
			if (!unchanged(detail, trigger)) {
				scheduler.scheduleJob(detail, Set.of(trigger), true);
				if (paused) {
					scheduler.pauseTrigger(triggerKey);
				}
			}
			log.info("schedule {}: {} at '{}' ({}){}", entry.name(), entry.job().shortName(), entry.cron(),
					entry.zone(), paused ? ", paused" : "");
		}
		for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
			if (!wanted.contains(key)) {
				scheduler.deleteJob(key);
				log.info("schedule {}: removed (disabled or no longer in {})", key.getName(), source);
			}
		}
	}

	private boolean unchanged(JobDetail detail, CronTrigger trigger) throws SchedulerException {
		JobDetail stored = scheduler.getJobDetail(detail.getKey());
		if (stored == null || !(scheduler.getTrigger(trigger.getKey()) instanceof CronTrigger storedTrigger)) {
			return false;
		}
		return stored.getJobClass().equals(detail.getJobClass())
				&& stored.getJobDataMap().getWrappedMap().equals(detail.getJobDataMap().getWrappedMap())
				&& storedTrigger.getCronExpression().equals(trigger.getCronExpression())
				&& storedTrigger.getTimeZone().getID().equals(trigger.getTimeZone().getID())
				&& storedTrigger.getMisfireInstruction() == trigger.getMisfireInstruction();
	}

	private static JobDetail jobDetail(ScheduleEntry entry, JobKey key) {
		JobBuilder builder = JobBuilder.newJob(ScheduledLaunch.class)
			.withIdentity(key)
			.withDescription(entry.job().shortName() + " " + entry.parameters())
			.usingJobData(ScheduledLaunch.SCHEDULE, entry.name())
			.usingJobData(ScheduledLaunch.JOB, entry.job().shortName())
			.usingJobData(ScheduledLaunch.ZONE, entry.zone().getId())
			.storeDurably()
			// a firing interrupted by a crash is not replayed by Quartz: the batch run it
			// started is recovered instead
			.requestRecovery(false);
		entry.parameters().forEach((k, v) -> builder.usingJobData(ScheduledLaunch.PARAMETER_PREFIX + k, v));
		return builder.build();
	}

	private static CronTrigger trigger(ScheduleEntry entry, JobKey job, TriggerKey key) {
		CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(entry.cron())
			.inTimeZone(TimeZone.getTimeZone(entry.zone()));
		cron = switch (entry.misfire()) {
			case FIRE_ONCE_NOW -> cron.withMisfireHandlingInstructionFireAndProceed();
			case SKIP -> cron.withMisfireHandlingInstructionDoNothing();
		};
		return TriggerBuilder.newTrigger().withIdentity(key).forJob(job).withSchedule(cron).build();
	}

	/**
	 * Each schedule of the file with its state in the store (NORMAL, PAUSED, BLOCKED...;
	 * NONE when disabled).
	 */
	public List<Map<String, Object>> describe() throws SchedulerException {
		List<Map<String, Object>> list = new ArrayList<>();
		for (ScheduleEntry entry : entries) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", entry.name());
			m.put("job", entry.job().shortName());
			m.put("cron", entry.cron());
			m.put("zone", entry.zone().getId());
			m.put("enabled", entry.enabled());
			m.put("misfire", entry.misfire().text());
			m.put("parameters", entry.parameters());
			TriggerKey key = TriggerKey.triggerKey(entry.name(), GROUP);
			m.put("state", scheduler.getTriggerState(key).name());
			Trigger trigger = scheduler.getTrigger(key);
			m.put("nextFire", trigger == null || trigger.getNextFireTime() == null ? null
					: trigger.getNextFireTime().toInstant().toString());
			list.add(m);
		}
		return list;
	}

	public void pause(String name) throws SchedulerException {
		scheduler.pauseTrigger(existing(name));
	}

	public void resume(String name) throws SchedulerException {
		scheduler.resumeTrigger(existing(name));
	}

	private TriggerKey existing(String name) throws SchedulerException {
		TriggerKey key = TriggerKey.triggerKey(name, GROUP);
		if (!scheduler.checkExists(key)) {
			throw new UnavailableJobException("no enabled schedule named '" + name + "'");
		}
		return key;
	}

}
