package fr.ptce.observatory.schedule;

import java.util.Set;
import java.util.TreeSet;

import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.MissingAggregatesException;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

/**
 * What a start or a restart of {@link JobRuns} checks before anything is recorded, so
 * that a refused run leaves no FAILED execution behind: years within the registry's,
 * aggregates present for the jobs that read them, and no run of the same job unfinished
 * on one of its years in the job repository (which the servers sharing a database all
 * see).
 */
final class LaunchChecks {

	private final ApplicationContext context;

	private final JobRepository repository;

	LaunchChecks(ApplicationContext context, JobRepository repository) {
		this.context = context;
		this.repository = repository;
	}

	/**
	 * Years before the registry's first pole hold nothing: a run on them would only write
	 * empty partitions.
	 */
	void checkYears(PipelineJob job, JobParameters params) {
		int first = firstYear();
		for (int year : job.years(params)) {
			ParameterBounds.year("year", year, first);
		}
	}

	/**
	 * A report or an extract of a year without aggregates is refused before anything is
	 * recorded (400 from the API), as the command line refuses it (exit 2): a run started
	 * anyway would only fail, and sit FAILED in the grid.
	 */
	void checkAggregates(PipelineJob job, JobParameters params) {
		DataDirectory dir = context.getBeanProvider(DataDirectory.class).getIfAvailable();
		if (dir == null || !job.readsAggregates()) {
			return;
		}
		for (int year : job.years(params)) {
			MissingAggregatesException.require(dir, year, job.shortName());
		}
	}

	/**
	 * The year of the registry's first pole (the parameters' own lower bound without a
	 * registry).
	 */
	int firstYear() {
		Registry registry = context.getBeanProvider(Registry.class).getIfAvailable();
		int first = registry == null ? ParameterBounds.EARLIEST_YEAR : registry.firstCreated();
		return first > ParameterBounds.currentYear() ? ParameterBounds.EARLIEST_YEAR : first;
	}

	void checkNotRunning(PipelineJob job, JobParameters params) {
		Set<Integer> years = job.years(params);
		for (JobExecution other : repository.findRunningJobExecutions(job.beanName())) {
			Set<Integer> otherYears = job.years(other.getJobParameters());
			Set<Integer> common = new TreeSet<>(years);
			common.retainAll(otherYears);
			if (years.isEmpty() || otherYears.isEmpty() || !common.isEmpty()) {
				throw new RunConflictException(
						job.shortName() + " is already running" + (common.isEmpty() ? "" : " on " + common) + " (run "
								+ other.getId() + "): wait for it, or stop it first");
			}
		}
	}

}
