package fr.ptce.observatory.ingest;

/**
 * Dense numbering of the observation keys (pole, period, indicator) that a run can
 * accept: poles of the registry, years from the earliest creation to the ingestion year
 * (POLE_INACTIVE and FUTURE_PERIOD reject the others), five periods a year (the year and
 * four quarters), the catalogue's indicators. Per-key state is then held in flat arrays
 * whose size depends on the registry, never on the size of the files.
 */
final class KeySpace {

	private final int poles;

	private final int firstYear;

	private final int years;

	private final int indicators;

	KeySpace(int poles, int firstYear, int lastYear, int indicators) {
		this.poles = poles;
		this.firstYear = firstYear;
		this.years = Math.max(0, lastYear - firstYear + 1);
		this.indicators = indicators;
		long size = (long) poles * years * 5 * indicators;
		if (size > Integer.MAX_VALUE) {
			throw new IllegalStateException("registry too large for one run: " + size + " observation keys");
		}
	}

	int size() {
		return poles * years * 5 * indicators;
	}

	/** Number of (pole, period) pairs. */
	int periodSize() {
		return poles * years * 5;
	}

	boolean contains(int year) {
		return year >= firstYear && year < firstYear + years;
	}

	/**
	 * @return the (pole, period) number, or -1 for a year outside the space
	 */
	int period(int pole, int year, int quarter) {
		if (!contains(year)) {
			return -1;
		}
		return (pole * years + (year - firstYear)) * 5 + quarter;
	}

	/**
	 * @return the key number, or -1 for a year outside the space
	 */
	int key(int pole, int year, int quarter, int indicator) {
		int period = period(pole, year, quarter);
		return period < 0 ? -1 : period * indicators + indicator;
	}

	/** The parts of a key (the inverse of {@link #key}). */
	int indicatorOf(int key) {
		return key % indicators;
	}

	int quarterOf(int key) {
		return key / indicators % 5;
	}

	int yearOf(int key) {
		return firstYear + key / indicators / 5 % years;
	}

	int poleOf(int key) {
		return key / indicators / 5 / years;
	}

	int firstYear() {
		return firstYear;
	}

	int lastYear() {
		return firstYear + years - 1;
	}

}
