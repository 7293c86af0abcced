package fr.ptce.observatory.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** The runs of a server's repository as the tests read them: every execution, whole. */
final class RepositoryRuns {

	private RepositoryRuns() {
	}

	/** The latest runs, newest first, of one job (short or bean name) or of all. */
	static List<JobExecution> list(JobRuns runs, Optional<String> jobName, int limit) {
		JobRepository repository = runs.repository();
		List<String> names = new ArrayList<>();
		if (jobName.isPresent()) {
			names.add(PipelineJob.find(jobName.get()).map(PipelineJob::beanName).orElse(jobName.get()));
		}
		else {
			names.addAll(repository.getJobNames());
		}
		List<JobExecution> executions = new ArrayList<>();
		for (String name : names) {
			for (JobInstance instance : repository.getJobInstances(name, 0, limit)) {
				executions.addAll(repository.getJobExecutions(instance));
			}
		}
		executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
		return executions.size() > limit ? executions.subList(0, limit) : executions;
	}

}
