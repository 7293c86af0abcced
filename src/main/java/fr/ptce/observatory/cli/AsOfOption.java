package fr.ptce.observatory.cli;

import java.time.Instant;

import fr.ptce.observatory.schedule.ParameterBounds;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * The {@code --as-of INSTANT} option of the commands: interfaces.md's INSTANT, or a usage
 * error saying what to give.
 */
final class AsOfOption {

	private AsOfOption() {
	}

	/**
	 * @return the instant, or null when the option was not given
	 */
	static Instant parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			Timestamps.parseInstant(text);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--as-of " + ex.getMessage());
		}
		try {
			return ParameterBounds.instant("--as-of", text);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
	}

}
