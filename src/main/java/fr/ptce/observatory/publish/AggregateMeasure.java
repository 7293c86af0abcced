package fr.ptce.observatory.publish;

import java.util.function.Function;

import fr.ptce.observatory.aggregate.Confidentiality;
import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The measures of an aggregate cell (interfaces.md, methodology section 3), in the order
 * of the warehouse's columns: the column name, its French label and how its numbers are
 * shown. The XLSX's data sheet, its sheets per level and its README all take the measures
 * from here, so that they list the same ones in the same order.
 */
enum AggregateMeasure {

	N_EXPECTED("n_expected", "Pôles attendus", Kind.COUNT, c -> (double) c.nExpected()),

	N_RESPONDENTS("n_respondents", "Pôles répondants", Kind.COUNT, c -> (double) c.nRespondents()),

	N_IMPUTED("n_imputed", "Répondants à valeur imputée", Kind.COUNT, c -> (double) c.nImputed()),

	RESPONSE_RATE("response_rate", "Taux de réponse", Kind.RATE, AggregateCell::responseRate),

	TOTAL("total", "Total", Kind.AMOUNT, AggregateCell::total),

	MEAN("mean", "Moyenne par pôle", Kind.PER_POLE, AggregateCell::mean),

	MEDIAN("median", "Médiane", Kind.PER_POLE, AggregateCell::median),

	P25("p25", "1er quartile", Kind.PER_POLE, AggregateCell::p25),

	P75("p75", "3e quartile", Kind.PER_POLE, AggregateCell::p75),

	DENSITY("density", "Emplois pour 10\u202F000 habitants", Kind.DENSITY, AggregateCell::density),

	YOY_PCT("yoy_pct", "Évolution sur un an", Kind.CHANGE, AggregateCell::yoyPct),

	YOY_CONSTANT_PCT("yoy_constant_pct", "Évolution à champ constant", Kind.CHANGE, AggregateCell::yoyConstantPct),

	MA3("ma3", "Moyenne sur 3 ans", Kind.AMOUNT, AggregateCell::ma3);

	/**
	 * How a measure's numbers read: each kind has its number format (see
	 * {@link #format}).
	 */
	enum Kind {

		/** a number of poles */
		COUNT,
		/** a share between 0 and 1 */
		RATE,
		/** in the indicator's unit */
		AMOUNT,
		/**
		 * in the indicator's unit, per pole: an average or a quantile of counts need not
		 * be whole
		 */
		PER_POLE,
		/** jobs (FTE) per 10,000 inhabitants */
		DENSITY,
		/** a change in % (in percentage points for a ratio) */
		CHANGE

	}

	/** The indicator whose cells have a density (methodology section 3). */
	static final String DENSITY_INDICATOR = "JOBS_FTE";

	private static final String NBSP = "\"\u00A0";

	private final String column;

	private final String label;

	private final Kind kind;

	private final Function<AggregateCell, Double> value;

	AggregateMeasure(String column, String label, Kind kind, Function<AggregateCell, Double> value) {
		this.column = column;
		this.label = label;
		this.kind = kind;
		this.value = value;
	}

	/** The warehouse's column name (interfaces.md). */
	String column() {
		return column;
	}

	String label() {
		return label;
	}

	Kind kind() {
		return kind;
	}

	Double value(AggregateCell cell) {
		return value.apply(cell);
	}

	/**
	 * Whether a null here is a secret rather than a figure that does not exist (printed
	 * {@code s}, methodology section 4): a measure of a confidential cell, a quantile of
	 * fewer than 10 respondents. The counts and the response rate stay in every cell; a
	 * density exists only for jobs at the geographic levels.
	 */
	boolean secret(AggregateCell c) {
		if (kind == Kind.COUNT || kind == Kind.RATE) {
			return false;
		}
		if (this == DENSITY && !(c.indicator().equals(DENSITY_INDICATOR) && !c.level().equals(Levels.THEME)
				&& !c.level().equals(Levels.NETWORK))) {
			return false;
		}
		if (!"F".equals(c.confStatus())) {
			return true;
		}
		boolean quantile = this == MEDIAN || this == P25 || this == P75;
		return quantile && c.nRespondents() < Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES;
	}

	/**
	 * The Excel number format of this measure for an indicator of the unit (the
	 * catalogue's unit, {@code %} for a ratio). Excel and LibreOffice show {@code ,} and
	 * {@code .} of a format with the reader's separators: a French reader sees
	 * {@code 1 234,5}. Units are literal text after a no-break space; the minus of a
	 * negative change is the typographic one.
	 */
	String format(String unit) {
		boolean ratio = "%".equals(unit);
		return switch (kind) {
			case COUNT -> "#,##0";
			case RATE -> "0.0" + NBSP + "\"%";
			case DENSITY -> "#,##0.0";
			case CHANGE -> {
				String suffix = NBSP + (ratio ? "pt" : "%") + "\"";
				yield "+0.0" + suffix + ";\"\u2212\"0.0" + suffix + ";0.0" + suffix;
			}
			case AMOUNT, PER_POLE -> amount(unit, kind == Kind.PER_POLE);
		};
	}

	private static String amount(String unit, boolean perPole) {
		return switch (unit) {
			case "count" -> perPole ? "#,##0.0" : "#,##0";
			case "fte" -> "#,##0.0";
			case "h" -> "#,##0" + NBSP + "h\"";
			case "EUR" -> "#,##0" + NBSP + "€\"";
			case "t" -> "#,##0.0" + NBSP + "t\"";
			case "%" -> "0.0" + NBSP + "%\"";
			default -> "#,##0.0";
		};
	}

}
