package fr.ptce.observatory.partners;

import java.util.List;

import fr.ptce.observatory.referential.Pole;

/**
 * A partner network of the partners file (extracts.md).
 *
 * @param code upper-case letters, digits and {@code _}, unique in the file
 * @param networks the registry networks whose member poles it may see at pole level (may
 * be empty: then it receives aggregates only)
 * @param contact the e-mail address told when a new extract is ready; empty when none
 */
public record Partner(String code, String name, List<String> networks, String contact) {

	public Partner {
		networks = List.copyOf(networks);
		contact = contact == null ? "" : contact;
	}

	public boolean hasContact() {
		return !contact.isEmpty();
	}

	/**
	 * extracts.md and methodology section 4: a pole's own figures reach a partner only
	 * when the pole is a member of one of the partner's networks and agreed to share them
	 * ({@code open_data = yes}).
	 */
	public boolean maySee(Pole pole) {
		if (!pole.openData()) {
			return false;
		}
		for (String network : pole.networks()) {
			if (networks.contains(network)) {
				return true;
			}
		}
		return false;
	}

}
