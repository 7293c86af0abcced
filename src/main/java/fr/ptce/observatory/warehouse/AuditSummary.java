package fr.ptce.observatory.warehouse;

/**
 * The confidentiality audit of one (year, indicator) (methodology section 4), in
 * warehouse/confidentiality_audit: for the observatory's staff only, never in a
 * publication or an extract.
 *
 * @param protectedRespondents respondents without open-data consent
 * @param polesAudited protected respondents constrained by at least one published cell
 * @param polesExposed protected poles whose value the published cells gave within ±10 %
 * before the audit
 * @param cellsSuppressed cells the audit made D
 * @param constantSamplesWithheld cells whose yoy_constant_pct the rule Constant sample
 * withheld
 * @param linearPrograms linear programs solved
 */
public record AuditSummary(String indicator, int protectedRespondents, int polesAudited, int polesExposed,
		int cellsSuppressed, int constantSamplesWithheld, int linearPrograms) {
}
