package fr.ptce.observatory.schedule.backfill;

import java.util.List;

import fr.ptce.observatory.schedule.PipelineJob;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of backfills, without a database: what each mode redoes, how statuses map to
 * states, requests.
 */
class BackfillRulesTest {

	@Test
	void eachModeRedoesWhatItSays() {
		// missing: all but completed; failed: failed or stopped; all: everything;
		// running: never
		for (PartitionState.State state : PartitionState.State.values()) {
			boolean running = state == PartitionState.State.RUNNING;
			assertThat(BackfillMode.MISSING.skipReason(state) == null)
				.isEqualTo(!running && state != PartitionState.State.COMPLETED);
			assertThat(BackfillMode.FAILED.skipReason(state) == null)
				.isEqualTo(state == PartitionState.State.FAILED || state == PartitionState.State.STOPPED);
			assertThat(BackfillMode.ALL.skipReason(state) == null).isEqualTo(!running);
		}
		assertThat(BackfillMode.ALL.skipReason(PartitionState.State.RUNNING)).isEqualTo("running now");
		assertThat(BackfillMode.FAILED.skipReason(PartitionState.State.ABANDONED))
			.isEqualTo("last run abandoned, not failed");
	}

	@Test
	void batchStatusesMapToPartitionStates() {
		assertThat(PartitionStates.state(BatchStatus.COMPLETED)).isEqualTo(PartitionState.State.COMPLETED);
		assertThat(PartitionStates.state(BatchStatus.STARTING)).isEqualTo(PartitionState.State.RUNNING);
		assertThat(PartitionStates.state(BatchStatus.STOPPING)).isEqualTo(PartitionState.State.RUNNING);
		assertThat(PartitionStates.state(BatchStatus.STOPPED)).isEqualTo(PartitionState.State.STOPPED);
		assertThat(PartitionStates.state(BatchStatus.ABANDONED)).isEqualTo(PartitionState.State.ABANDONED);
		assertThat(PartitionStates.state(BatchStatus.UNKNOWN)).isEqualTo(PartitionState.State.FAILED);
	}

	@Test
	void requestsPutStepsInTheirOrderAndRefuseNonsense() {
		// given steps in any order, they run aggregate, report, extract
		BackfillRequest request = new BackfillRequest(2020, 2021, BackfillRequest.steps("report, aggregate"), null, 2,
				" ");
		assertThat(request.steps()).containsExactly(PipelineJob.AGGREGATE, PipelineJob.REPORT);
		assertThat(request.mode()).isEqualTo(BackfillMode.MISSING);
		assertThat(request.asOf()).isNull();

		assertThatThrownBy(() -> new BackfillRequest(2020, 2019, List.of(PipelineJob.REPORT), null, 1, null))
			.hasMessage("from (2020) is after to (2019)");
		assertThatThrownBy(() -> new BackfillRequest(1800, 2019, List.of(PipelineJob.REPORT), null, 1, null))
			.hasMessageStartingWith("from 1800 is outside the years the observatory covers (1900 to ");
		assertThatThrownBy(() -> new BackfillRequest(2020, 2020, List.of(), null, 1, null))
			.hasMessageContaining("no step given");
		assertThatThrownBy(() -> new BackfillRequest(2020, 2020, List.of(PipelineJob.INGEST), null, 1, null))
			.hasMessageContaining("not a backfill step: ingest");
		assertThatThrownBy(() -> new BackfillRequest(2020, 2020, List.of(PipelineJob.REPORT), null, 9, null))
			.hasMessage("concurrency must be between 1 and 8");
		assertThatThrownBy(() -> new BackfillRequest(2020, 2020, List.of(PipelineJob.REPORT), null, 1, "yesterday"))
			.hasMessageContaining("as-of must be an ISO-8601 instant or date");
		assertThatThrownBy(() -> BackfillRequest.steps("aggregate,ingest"))
			.hasMessage("unknown step 'ingest' (steps: aggregate, report, extract)");
	}

}
