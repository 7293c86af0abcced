package fr.ptce.observatory.aggregate;

/**
 * What the primary rule of methodology section 4 looks at in a set of respondents (a
 * cell, a union of cells, or the poles outside a constant sample): their number, total
 * and largest value, and the same over the protected ones (poles without open-data
 * consent), whose values an attacker does not know.
 *
 * @param max the largest value, or −∞ with no respondent
 * @param protectedMax the largest protected value, or −∞ with no protected respondent
 */
public record RespondentGroup(int n, double total, double max, int nProtected, double protectedTotal,
		double protectedMax) {

	/** No respondent at all. */
	public static final RespondentGroup NONE = new RespondentGroup(0, 0, Double.NEGATIVE_INFINITY, 0, 0,
			Double.NEGATIVE_INFINITY);

	/** This group with one more respondent. */
	public RespondentGroup with(double value, boolean isProtected) {
		return new RespondentGroup(n + 1, total + value, Math.max(max, value), nProtected + (isProtected ? 1 : 0),
				protectedTotal + (isProtected ? value : 0), isProtected ? Math.max(protectedMax, value) : protectedMax);
	}

	/** The union of two groups of distinct respondents. */
	public RespondentGroup plus(RespondentGroup other) {
		return new RespondentGroup(n + other.n, total + other.total, Math.max(max, other.max),
				nProtected + other.nProtected, protectedTotal + other.protectedTotal,
				Math.max(protectedMax, other.protectedMax));
	}

}
