package fr.ptce.observatory.warehouse;

/**
 * The yearly value of a pole for an indicator (methodology sections 1 and 2), in
 * warehouse/pole_values.
 *
 * @param nQuarters quarters the value was computed from, 0 for an annual observation
 */
public record PoleValue(String poleId, String indicator, double value, boolean imputed, int nQuarters) {
}
