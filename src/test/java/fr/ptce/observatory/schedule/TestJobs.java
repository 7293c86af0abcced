package fr.ptce.observatory.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Small real jobs under the names of the pipeline's jobs (ingestJob, aggregateJob,
 * reportJob, extractJob), on the real job repository. Each appends a line per year to
 * DATA_DIR/markers/STEP.log; the files of DATA_DIR/control steer them:
 * {@code fail-STEP-YEAR} makes the run fail on that year, {@code slow-STEP} (holding N)
 * makes it take N chunks of 100 ms, committed one by one, so that it can be stopped,
 * killed and restarted from where it was.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestJobs {

	/** The first and last year that get stand-in aggregates. */
	static final int FIRST_STAND_IN = 2000;

	static final int LAST_STAND_IN = 2035;

	/**
	 * The server refuses a report or an extract of a year without aggregates (JobRuns),
	 * and these jobs write none: an empty {@code part-0.parquet} per year stands in for
	 * them, in a data directory that has no aggregates at all (real ones, the demo's, are
	 * never touched nor mixed with stand-ins). Eager, as command-line contexts are lazy.
	 * A test of the refusal deletes the stand-in of its year.
	 */
	@Bean
	@Lazy(false)
	Object standInAggregates(@Value("${observatory.data-dir}") Path dir) throws IOException {
		Path table = dir.resolve("warehouse").resolve("aggregates");
		if (Files.exists(table)) {
			return new Object();
		}
		for (int year = FIRST_STAND_IN; year <= LAST_STAND_IN; year++) {
			Path folder = table.resolve("year=" + year);
			Files.createDirectories(folder);
			Files.createFile(folder.resolve("part-0.parquet"));
		}
		return new Object();
	}

	@Bean
	Job ingestJob(JobRepository repository, PlatformTransactionManager tx, @Value("${observatory.data-dir}") Path dir) {
		return job("ingestJob", "ingest", repository, tx, dir);
	}

	@Bean
	Job aggregateJob(JobRepository repository, PlatformTransactionManager tx,
			@Value("${observatory.data-dir}") Path dir) {
		return job("aggregateJob", "aggregate", repository, tx, dir);
	}

	@Bean
	Job reportJob(JobRepository repository, PlatformTransactionManager tx, @Value("${observatory.data-dir}") Path dir) {
		return job("reportJob", "report", repository, tx, dir);
	}

	@Bean
	Job extractJob(JobRepository repository, PlatformTransactionManager tx,
			@Value("${observatory.data-dir}") Path dir) {
		return job("extractJob", "extract", repository, tx, dir);
	}

	private static Job job(String name, String step, JobRepository repository, PlatformTransactionManager tx,
			Path dir) {
		return new JobBuilder(name, repository)
			.start(new StepBuilder(step, repository).tasklet(new MarkerTasklet(step, dir), tx).build())
			.build();
	}

	/**
	 * Appends a marker per year, after failing or going slowly as the control files ask.
	 */
	static final class MarkerTasklet implements Tasklet {

		private final String step;

		private final Path dir;

		MarkerTasklet(String step, Path dir) {
			this.step = step;
			this.dir = dir;
		}

		@Override
		public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
			StepExecution stepExecution = chunkContext.getStepContext().getStepExecution();
			JobParameters params = stepExecution.getJobParameters();
			List<String> years = years(params);
			for (String year : years) {
				if (Files.exists(control("fail-" + step + "-" + year))) {
					throw new IllegalStateException("failure asked for " + step + " " + year);
				}
			}
			Path slow = control("slow-" + step);
			if (Files.exists(slow)) {
				int chunks = Integer.parseInt(Files.readString(slow).trim());
				ExecutionContext context = stepExecution.getExecutionContext();
				int done = context.getInt("done", 0);
				if (!context.containsKey("started")) {
					context.putString("started", "yes");
					append("start " + step + " run=" + stepExecution.getJobExecutionId() + " from=" + done);
				}
				else if (done > 0 && !context.containsKey("resumed-" + stepExecution.getJobExecutionId())) {
					context.putString("resumed-" + stepExecution.getJobExecutionId(), "yes");
					append("start " + step + " run=" + stepExecution.getJobExecutionId() + " from=" + done);
				}
				if (done < chunks) {
					Thread.sleep(100);
					context.putInt("done", done + 1);
					contribution.incrementWriteCount(1);
					return RepeatStatus.CONTINUABLE;
				}
			}
			contribution.incrementWriteCount(years.size());
			if (step.equals("ingest")) {
				contribution.incrementFilterCount(1);
			}
			for (String year : years) {
				append(step + " " + year + " run=" + stepExecution.getJobExecutionId());
			}
			return RepeatStatus.FINISHED;
		}

		private List<String> years(JobParameters params) {
			List<String> years = new ArrayList<>();
			if (params.getLong("from") != null) {
				for (long y = params.getLong("from"); y <= params.getLong("to"); y++) {
					years.add(Long.toString(y));
				}
			}
			else if (params.getLong("year") != null) {
				years.add(Long.toString(params.getLong("year")));
			}
			else {
				years.add("all");
			}
			return years;
		}

		private Path control(String name) {
			return dir.resolve("control").resolve(name);
		}

		private synchronized void append(String line) {
			try {
				Path log = dir.resolve("markers").resolve(step + ".log");
				Files.createDirectories(log.getParent());
				Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Marker lines of a step, in order ([] when none). */
	public static List<String> markers(Path dataDir, String step) throws IOException {
		Path log = dataDir.resolve("markers").resolve(step + ".log");
		return Files.exists(log) ? Files.readAllLines(log) : List.of();
	}

	/** Creates or removes a control file. */
	public static void control(Path dataDir, String name, String content) throws IOException {
		Path file = dataDir.resolve("control").resolve(name);
		Files.createDirectories(file.getParent());
		if (content == null) {
			Files.deleteIfExists(file);
		}
		else {
			Files.writeString(file, content);
		}
	}

}
