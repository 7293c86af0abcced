package fr.ptce.observatory.aggregate;

import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * An aggregate cell of one year while it is computed: its measures (NaN where there is
 * none) and its confidentiality status. Mutable on purpose: primary then secondary
 * suppression, then the measures that need earlier years, are set in turn.
 */
public final class Cell {

	public static final char FREE = 'F';

	public static final char PRIMARY_RESPONDENTS = 'A';

	public static final char PRIMARY_DOMINANCE = 'O';

	public static final char SECONDARY = 'D';

	final String indicator;

	/** Column of the indicator in {@link YearValues}. */
	final int indicatorIndex;

	final boolean ratio;

	final String level;

	final String area;

	/** The region of a department cell (its secondary-suppression group), else null. */
	final String group;

	int nExpected;

	int nRespondents;

	int nImputed;

	/** Pole indices of the respondents, for the constant sample. */
	int[] respondents = new int[0];

	double total = Double.NaN;

	double mean = Double.NaN;

	double median = Double.NaN;

	double p25 = Double.NaN;

	double p75 = Double.NaN;

	/** The largest single yearly value, for the dominance rule. */
	double max = Double.NaN;

	/**
	 * Respondents without open-data consent, their total and largest value (section 4,
	 * Consent).
	 */
	int nProtected;

	double protectedTotal;

	double protectedMax = Double.NEGATIVE_INFINITY;

	/**
	 * yoy_constant_pct was computed but withheld by the rule Constant sample (printed s,
	 * not –).
	 */
	boolean constantSampleWithheld;

	double density = Double.NaN;

	double yoyPct = Double.NaN;

	double yoyConstantPct = Double.NaN;

	double ma3 = Double.NaN;

	char status = FREE;

	public Cell(String indicator, boolean ratio, String level, String area, String group) {
		this(indicator, -1, ratio, level, area, group);
	}

	public Cell(String indicator, int indicatorIndex, boolean ratio, String level, String area, String group) {
		this.indicator = indicator;
		this.indicatorIndex = indicatorIndex;
		this.ratio = ratio;
		this.level = level;
		this.area = area;
		this.group = group;
	}

	/** The respondents as the primary rule sees them. */
	RespondentGroup respondentGroup() {
		if (nRespondents == 0) {
			return RespondentGroup.NONE;
		}
		return new RespondentGroup(nRespondents, total, max, nProtected, protectedTotal, protectedMax);
	}

	public boolean isPublished() {
		return status == FREE;
	}

	public String key() {
		return key(indicator, level, area);
	}

	static String key(String indicator, String level, String area) {
		return indicator + '\u0000' + level + '\u0000' + area;
	}

	public double total() {
		return total;
	}

	public char status() {
		return status;
	}

	public String area() {
		return area;
	}

	public String level() {
		return level;
	}

	public String indicator() {
		return indicator;
	}

	public int nRespondents() {
		return nRespondents;
	}

	/**
	 * The published row: in a cell that is not F, every figure but the counts is null
	 * (section 4).
	 */
	public AggregateCell toRow() {
		boolean free = isPublished();
		Double responseRate = nExpected == 0 ? null : (double) nRespondents / nExpected;
		return new AggregateCell(indicator, level, area, nExpected, nRespondents, nImputed, responseRate,
				free ? orNull(total) : null, free ? orNull(mean) : null, free ? orNull(median) : null,
				free ? orNull(p25) : null, free ? orNull(p75) : null, free ? orNull(density) : null,
				free ? orNull(yoyPct) : null, free ? orNull(yoyConstantPct) : null, free ? orNull(ma3) : null,
				String.valueOf(status));
	}

	static Double orNull(double value) {
		return Double.isFinite(value) ? value : null;
	}

	@Override
	public String toString() {
		return indicator + "/" + level + "/" + area + " n=" + nRespondents + " total=" + total + " " + status;
	}

}
