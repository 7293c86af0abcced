package fr.ptce.observatory.referential;

/**
 * One line of the indicator catalogue (indicators.csv). Derived ratios (ESS_SHARE, ...)
 * are not in the catalogue: they cannot be submitted, only computed (methodology section
 * 2).
 *
 * @param index position in the catalogue, used as a compact key in hot loops
 */
public record Indicator(int index, String code, String labelFr, String labelEn, String unit, Kind kind,
		ValueType valueType, double min, double max, String domain) {

	public enum Kind {

		/**
		 * a level at a date: the yearly value of quarterly reports is the latest quarter
		 */
		STOCK,
		/** an amount over the period: quarters add up */
		FLOW

	}

	public enum ValueType {

		INTEGER, DECIMAL

	}

	public boolean isFlow() {
		return kind == Kind.FLOW;
	}

	public boolean isInteger() {
		return valueType == ValueType.INTEGER;
	}

}
