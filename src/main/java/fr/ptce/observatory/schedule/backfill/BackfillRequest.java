package fr.ptce.observatory.schedule.backfill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.ptce.observatory.schedule.ParameterBounds;
import fr.ptce.observatory.schedule.PipelineJob;

/**
 * A backfill as asked: years {@code from..to}, the steps (in the order aggregate, report,
 * extract whatever the order given), the mode, how many years run at once, and the
 * optional as-of instant passed to the jobs.
 */
public record BackfillRequest(int from, int to, List<PipelineJob> steps, BackfillMode mode, int concurrency,
		String asOf) {

	public static final int MAX_YEARS = ParameterBounds.MAX_YEARS;

	public static final int MAX_CONCURRENCY = 8;

	public BackfillRequest {
		if (from > to) {
			throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
		}
		ParameterBounds.year("from", from, ParameterBounds.EARLIEST_YEAR);
		ParameterBounds.year("to", to, ParameterBounds.EARLIEST_YEAR);
		ParameterBounds.range(from, to);
		if (steps == null || steps.isEmpty()) {
			throw new IllegalArgumentException("no step given (aggregate, report, extract)");
		}
		Set<PipelineJob> given = new LinkedHashSet<>(steps);
		List<PipelineJob> ordered = new ArrayList<>();
		for (PipelineJob step : PartitionStates.STEPS) {
			if (given.remove(step)) {
				ordered.add(step);
			}
		}
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("not a backfill step: " + given.iterator().next().shortName()
					+ " (steps: aggregate, report, extract)");
		}
		steps = List.copyOf(ordered);
		mode = mode == null ? BackfillMode.MISSING : mode;
		if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
			throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY);
		}
		if (asOf != null && asOf.isBlank()) {
			asOf = null;
		}
		if (asOf != null) {
			ParameterBounds.instant("as-of", asOf);
		}
	}

	/** Steps from their names, comma-separated: "aggregate,report". */
	public static List<PipelineJob> steps(String names) {
		List<PipelineJob> steps = new ArrayList<>();
		for (String name : names.split(",")) {
			if (name.isBlank()) {
				continue;
			}
			steps.add(PipelineJob.find(name)
				.filter(PartitionStates.STEPS::contains)
				.orElseThrow(() -> new IllegalArgumentException(
						"unknown step '" + name.trim() + "' (steps: aggregate, report, extract)")));
		}
		return steps;
	}

}
