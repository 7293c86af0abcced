package fr.ptce.observatory.aggregate;

import java.util.List;

/**
 * A derived indicator of methodology section 2: Σ numerator / Σ denominator × 100, unit
 * %.
 *
 * @param denominator the indicators whose yearly values add up to the denominator
 */
public record Ratio(String code, String numerator, List<String> denominator) {

	public static final String UNIT = "%";

	public static final List<Ratio> ALL = List.of(new Ratio("ESS_SHARE", "MEMBERS_ESS", List.of("MEMBERS_TOTAL")),
			new Ratio("PUBLIC_FUNDING_SHARE", "PUBLIC_FUNDING", List.of("PUBLIC_FUNDING", "OWN_REVENUE")),
			new Ratio("GOV_PARTICIPATION", "GOV_VOTERS", List.of("MEMBERS_TOTAL")));

	public static boolean isRatio(String code) {
		return ALL.stream().anyMatch(r -> r.code.equals(code));
	}

}
