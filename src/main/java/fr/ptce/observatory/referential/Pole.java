package fr.ptce.observatory.referential;

import java.util.List;

/**
 * A pole of the registry (registry.md), with the department and region derived from its
 * head-office commune.
 *
 * @param index position in the registry, used as a compact key in hot loops
 * @param closed year of last activity, or null while active
 * @param epci SIREN codes of the EPCIs it covers (never empty: defaults to its commune's
 * EPCI when known)
 */
public record Pole(int index, String id, String name, String commune, String departement, String region, int created,
		Integer closed, String legalForm, String theme, List<String> networks, List<String> epci, boolean openData) {

	/**
	 * registry.md: a pole is expected to report for year Y when created <= Y and (closed
	 * empty or >= Y).
	 */
	public boolean isExpected(int year) {
		return created <= year && (closed == null || closed >= year);
	}

	/**
	 * submission-format.md, POLE_INACTIVE: the year is before created or after closed.
	 */
	public boolean isActive(int year) {
		return isExpected(year);
	}

}
