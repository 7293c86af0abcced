package fr.ptce.observatory.aggregate;

import java.util.List;

/**
 * A derived indicator of methodology section 2: Σ numerator / Σ denominator × 100, unit
 * %.
 *
 * @param labelFr its label, written as the catalogue's are (straight apostrophes): the
 * one definition that extracts and publications use
 * @param denominator the indicators whose yearly values add up to the denominator
 */
public record Ratio(String code, String labelFr, String labelEn, String numerator, List<String> denominator) {

	public static final String UNIT = "%";

	public static final List<Ratio> ALL = List.of(
			new Ratio("ESS_SHARE", "Part des structures de l'ESS parmi les membres",
					"Share of social and solidarity economy organisations among members", "MEMBERS_ESS",
					List.of("MEMBERS_TOTAL")),
			new Ratio("PUBLIC_FUNDING_SHARE", "Part des financements publics dans les ressources",
					"Share of public funding in resources", "PUBLIC_FUNDING", List.of("PUBLIC_FUNDING", "OWN_REVENUE")),
			new Ratio("GOV_PARTICIPATION", "Participation des membres à l'assemblée générale",
					"Member participation in the general assembly", "GOV_VOTERS", List.of("MEMBERS_TOTAL")));

	public static boolean isRatio(String code) {
		return ALL.stream().anyMatch(r -> r.code.equals(code));
	}

}
