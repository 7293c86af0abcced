package fr.ptce.observatory.extract;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which partners of a run see each pole, as a few audiences (the sets of partners that
 * see a pole: at most 31 for five partners, whatever the number of poles). A row's
 * audience is looked up once per row for every partner, and each partner then tests an
 * array instead of looking the pole up in its own set. Audience 0 is nobody.
 */
final class PoleAudiences {

	private final Map<String, Integer> audienceOf = new HashMap<>();

	private final List<boolean[]> sees = new ArrayList<>();

	/**
	 * @param visible the poles each partner of the run sees, in the order of the drafts
	 */
	PoleAudiences(List<Set<String>> visible) {
		Map<String, BitSet> partnersOf = new HashMap<>();
		for (int p = 0; p < visible.size(); p++) {
			for (String pole : visible.get(p)) {
				partnersOf.computeIfAbsent(pole, k -> new BitSet()).set(p);
			}
		}
		Map<BitSet, Integer> ids = new HashMap<>();
		partnersOf
			.forEach((pole, partners) -> audienceOf.put(pole, ids.computeIfAbsent(partners, k -> ids.size() + 1)));
		for (int p = 0; p < visible.size(); p++) {
			boolean[] s = new boolean[ids.size() + 1];
			for (Map.Entry<BitSet, Integer> e : ids.entrySet()) {
				s[e.getValue()] = e.getKey().get(p);
			}
			sees.add(s);
		}
	}

	/** The audience of a pole; 0 when no partner of the run sees it. */
	int of(String pole) {
		Integer id = audienceOf.get(pole);
		return id == null ? 0 : id;
	}

	/** Indexed by audience: whether the partner (its index in the run) is in it. */
	boolean[] seenBy(int partner) {
		return sees.get(partner);
	}

}
