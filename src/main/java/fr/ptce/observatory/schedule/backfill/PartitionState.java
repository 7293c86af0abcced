package fr.ptce.observatory.schedule.backfill;

import java.time.LocalDateTime;

import fr.ptce.observatory.schedule.PipelineJob;

/**
 * The state of one (step, year) partition: the status of the last run of the step that
 * covered the year.
 *
 * @param step aggregate, report or extract
 * @param year the year
 * @param state NONE (never run), COMPLETED, FAILED, STOPPED, ABANDONED or RUNNING
 * @param runId the last run covering it (null when NONE)
 * @param endTime when that run ended (null when NONE or running)
 */
public record PartitionState(PipelineJob step, int year, State state, Long runId, LocalDateTime endTime) {

	public enum State {

		NONE, COMPLETED, FAILED, STOPPED, ABANDONED, RUNNING

	}

}
