package fr.ptce.observatory.warehouse;

/**
 * An aggregate cell (year, indicator, level, area) of methodology sections 3 and 4, in
 * warehouse/aggregates. Doubles are null where the methodology says so (confidential
 * cells, missing previous years).
 *
 * @param confStatus SDMX confidentiality status: F free, A primary (respondents), O
 * primary (dominance), D secondary
 */
public record AggregateCell(String indicator, String level, String area, int nExpected, int nRespondents, int nImputed,
		Double responseRate, Double total, Double mean, Double median, Double p25, Double p75, Double density,
		Double yoyPct, Double yoyConstantPct, Double ma3, String confStatus) {
}
