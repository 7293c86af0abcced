package fr.ptce.observatory.aggregate;

/**
 * The yearly value of a pole for an indicator (methodology section 1).
 *
 * @param imputed a flow computed from two or three quarters, scaled to the year
 * @param nQuarters quarterly observations it was computed from, 0 for an annual
 * observation
 */
public record YearlyValue(double value, boolean imputed, int nQuarters) {
}
