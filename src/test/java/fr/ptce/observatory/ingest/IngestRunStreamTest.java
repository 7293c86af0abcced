package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The run of the files step as an ItemStream, driven as the chunk step drives it: sealed
 * at the update after the last file only, and a step that ends before that (failed,
 * stopped) leaves no staged work, its files in the inbox.
 */
class IngestRunStreamTest {

	final Registry registry = IngestTestSupport.registry();

	@TempDir
	Path work;

	DataDirectory dir;

	final SubmissionLedger ledger = new SubmissionLedger() {
		@Override
		public boolean alreadyIngested(String sha256) {
			return false;
		}

		@Override
		public void record(String runId, Instant at, List<SubmissionOutcome> outcomes, Long id) {
		}
	};

	@BeforeEach
	void inbox() throws IOException {
		dir = new DataDirectory(work.resolve("data"));
		dir.createLayout();
		Files.writeString(dir.inbox().resolve("a.csv"), "pole_id,period,indicator,value\nPTCE-0001,2020,JOBS_FTE,3\n"
				+ "PTCE-0001,2021,JOBS_FTE,abc\nPTCE-0001,2022,JOBS_FTE,4\n");
		Files.writeString(dir.inbox().resolve("b.csv"), "pole_id,period,indicator,value\nPTCE-0001,2019,JOBS_FTE,5\n");
	}

	IngestRunStream stream(InboxReader reader, StepExecution step) {
		return new IngestRunStream(() -> new IngestRun(dir, registry, IngestTestSupport.CATALOGUE,
				new Provenance(Instant.now(), "catalogue", registry.sha256(), "test"), Instant.now(),
				ZoneId.of("Europe/Paris"), 0.5, ledger), reader, step);
	}

	static StepExecution step() {
		return new StepExecution("ingestFilesStep",
				new JobExecution(1L, new JobInstance(1L, "ingestJob"), new JobParameters()));
	}

	/**
	 * One chunk as the chunk step runs it: read up to {@code size} files, process each,
	 * write them, update.
	 */
	static void chunk(InboxReader reader, IngestRunStream stream, ExecutionContext context, int size) throws Exception {
		Chunk<ProcessedFile> processed = new Chunk<>();
		for (int i = 0; i < size; i++) {
			Path file = reader.read();
			if (file == null) {
				break;
			}
			processed.add(stream.process(file));
		}
		stream.write(processed);
		stream.update(context);
	}

	List<Path> staged() throws IOException {
		try (Stream<Path> runs = Files.list(dir.staging())) {
			return runs.toList();
		}
	}

	@Test
	void runIsSealedAtTheUpdateAfterTheLastFile() throws Exception {
		// given the step opened over an inbox of two files
		InboxReader reader = new InboxReader(dir.inbox());
		StepExecution step = step();
		IngestRunStream stream = stream(reader, step);
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		stream.open(context);

		// when a first chunk of one file is done, then the next, in which the reader
		// comes to the end
		chunk(reader, stream, context, 1);
		assertThat(context.containsKey(IngestRunStream.STAGED)).as("sealed after the first chunk").isFalse();
		assertThat(staged()).singleElement().satisfies(run -> assertThat(run.resolve("manifest.json")).doesNotExist());
		chunk(reader, stream, context, 2);
		stream.close();

		// then the run is sealed at that last update, with both files in its manifest,
		// and its folder given to the
		// publish step; the step's counts are rows (Spring Batch's one per file is added
		// when the chunk commits)
		Path sealed = Path.of(context.getString(IngestRunStream.STAGED));
		Manifest manifest = Json.MAPPER.readValue(sealed.resolve("manifest.json").toFile(), Manifest.class);
		assertThat(manifest.files()).extracting(SubmissionOutcome::name).containsExactly("a.csv", "b.csv");
		assertThat(step.getReadCount() + 2).isEqualTo(4);
		assertThat(step.getWriteCount() + 2).isEqualTo(3);
		assertThat(step.getFilterCount()).isEqualTo(1);
	}

	@Test
	void stepEndedBeforeTheSealLeavesNothingAndTheNextRunTakesEveryFile() throws Exception {
		// given a step that processed one file, then failed or was stopped (closed before
		// the last update)
		InboxReader reader = new InboxReader(dir.inbox());
		IngestRunStream stream = stream(reader, step());
		ExecutionContext context = new ExecutionContext();
		reader.open(context);
		stream.open(context);
		chunk(reader, stream, context, 1);
		stream.close();

		// then its staged work is gone, nothing was saved to resume from, and both files
		// are still in the inbox
		assertThat(staged()).isEmpty();
		assertThat(context.containsKey(IngestRunStream.STAGED)).isFalse();
		assertThat(InboxReader.inboxFiles(dir.inbox())).extracting(p -> p.getFileName().toString())
			.containsExactly("a.csv", "b.csv");

		// and the restarted step, handed that context, processes both files in a new run
		InboxReader again = new InboxReader(dir.inbox());
		IngestRunStream restarted = stream(again, step());
		again.open(context);
		restarted.open(context);
		chunk(again, restarted, context, 16);
		restarted.close();
		Path sealed = Path.of(context.getString(IngestRunStream.STAGED));
		Manifest manifest = Json.MAPPER.readValue(sealed.resolve("manifest.json").toFile(), Manifest.class);
		assertThat(manifest.files()).extracting(SubmissionOutcome::name).containsExactly("a.csv", "b.csv");
	}

	@Test
	void theInboxIsCountedWhenTheRunOpensBeforeItsReader() {
		// the step opens its streams before its reader: the run's first log line counts
		// the inbox all the same
		InboxReader reader = new InboxReader(dir.inbox());
		assertThat(reader.size()).isEqualTo(2);
		reader.open(new ExecutionContext());
		assertThat(reader.size()).isEqualTo(2);
	}

}
