package fr.ptce.observatory.schedule.backfill;

import java.util.Locale;

/**
 * Which partitions a backfill redoes. A partition being run is never redone.
 * <ul>
 * <li>{@code missing} (default; interfaces.md's "skipping years already done"): those
 * whose last run did not complete, or that never ran;</li>
 * <li>{@code failed}: those whose last run FAILED or was STOPPED (not the never-run ones,
 * nor the abandoned);</li>
 * <li>{@code all} ({@code --force}): every partition of the range.</li>
 * </ul>
 */
public enum BackfillMode {

	MISSING, FAILED, ALL;

	public static BackfillMode parse(String text) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("mode must be missing, failed or all, not '" + text + "'");
		}
	}

	/**
	 * Whether a partition in this state is redone; null when it is, otherwise why not.
	 */
	public String skipReason(PartitionState.State state) {
		if (state == PartitionState.State.RUNNING) {
			return "running now";
		}
		return switch (this) {
			case ALL -> null;
			case MISSING -> state == PartitionState.State.COMPLETED ? "already completed" : null;
			case FAILED -> state == PartitionState.State.FAILED || state == PartitionState.State.STOPPED ? null
					: "last run " + state.name().toLowerCase(Locale.ROOT) + ", not failed";
		};
	}

	public String text() {
		return name().toLowerCase(Locale.ROOT);
	}

}
