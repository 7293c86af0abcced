package fr.ptce.observatory.console;

import java.io.Serializable;

import fr.ptce.observatory.schedule.api.OperatorTokens;

/**
 * Who is signed in to the console, as the token given at sign-in says (never the token
 * itself): an operator (the operator API's full token), a reader (its read-only token:
 * sees everything the staff sees, changes nothing), or a partner (a partner download
 * token: its own extracts only, as under /partners/v1).
 *
 * @param partner the partner's code, for a partner
 * @param tokenId the partner token's id, checked again on each request (a revoked token
 * ends the session)
 */
public record Viewer(Role role, String partner, String tokenId) implements Serializable {

	public enum Role {

		OPERATOR("opérateur"), READER("lecture seule"), PARTNER("partenaire");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public static Viewer staff(OperatorTokens.Access access) {
		return new Viewer(access.mayAct() ? Role.OPERATOR : Role.READER, null, null);
	}

	public static Viewer partner(String code, String tokenId) {
		return new Viewer(Role.PARTNER, code, tokenId);
	}

	public boolean isStaff() {
		return role != Role.PARTNER;
	}

	/**
	 * The API's rule: only the full token acts; the read-only token and partners read.
	 */
	public boolean mayAct() {
		return role == Role.OPERATOR;
	}

	public boolean isPartner() {
		return role == Role.PARTNER;
	}

	/**
	 * Whether this viewer may see a partner's extracts: the staff sees every partner's, a
	 * partner its own.
	 */
	public boolean sees(String partnerCode) {
		return isStaff() || role == Role.PARTNER && partner.equals(partnerCode);
	}

}
