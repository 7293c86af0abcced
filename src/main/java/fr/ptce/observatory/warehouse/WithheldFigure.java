package fr.ptce.observatory.warehouse;

/**
 * A figure of a published cell withheld by a rule of methodology section 4 beyond primary
 * and secondary suppression, in warehouse/withheld_figures (staff only): the publication
 * prints it {@code s}, and the staff see which pole each suppression protects.
 *
 * @param rule {@link #AUDIT}: the audit made the cell D to protect {@code poleId}, in its
 * round {@code round}; {@link #CONSTANT_SAMPLE}: the cell's yoy_constant_pct is withheld
 */
public record WithheldFigure(String indicator, String level, String area, String rule, Integer round, String poleId) {

	public static final String AUDIT = "audit";

	public static final String CONSTANT_SAMPLE = "constant_sample";

}
