package fr.ptce.observatory.warehouse;

/**
 * The trend series of a cell over the ten years up to the report year (methodology
 * section 5), in warehouse/trends.
 *
 * @param direction hausse, baisse, stable, or null with fewer than 4 points
 */
public record Trend(String indicator, String level, String area, Integer firstYear, Integer lastYear, int nPoints,
		Integer mkS, Double cagrPct, Double theilSenSlope, Double mkZ, Double mkP, String direction) {
}
