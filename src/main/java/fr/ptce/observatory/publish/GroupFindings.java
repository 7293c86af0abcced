package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.publish.PublicationContent.Published;
import fr.ptce.observatory.warehouse.AggregateCell;

/**
 * The findings of the national report about the themes and the networks (rules 10 and 11
 * of docs/publication.md): the groups with the most jobs, and in each group the indicator
 * with the largest rise and the largest fall on a constant sample. Only published cells
 * are quoted, and no change withheld by the rule Constant sample.
 */
final class GroupFindings {

	/** How many groups are named by their jobs. */
	static final int LARGEST = 3;

	private final List<Published> indicators;

	private final PublicationData data;

	GroupFindings(List<Published> indicators, PublicationData data) {
		this.indicators = indicators;
		this.data = data;
	}

	/** The findings about the themes, then the networks. */
	List<String> all() {
		List<String> out = new ArrayList<>();
		Findings.add(out, largest(PublicationContent.THEME, PublicationContent.THEMES, "thématiques"));
		Findings.add(out, changes(PublicationContent.THEME, PublicationContent.THEMES, "Par thématique"));
		Findings.add(out, largest(PublicationContent.NETWORK, PublicationContent.NETWORKS, "réseaux"));
		Findings.add(out, changes(PublicationContent.NETWORK, PublicationContent.NETWORKS, "Par réseau"));
		return out;
	}

	private AggregateCell published(String code, String level, String area) {
		return Findings.published(data, data.year(), code, level, area);
	}

	/**
	 * Rule 10: the {@value #LARGEST} groups with the most jobs among those whose total is
	 * published, with their respondents.
	 */
	String largest(String level, Map<String, String> groups, String plural) {
		List<AggregateCell> cells = new ArrayList<>();
		for (String group : groups.keySet()) {
			AggregateCell c = published(Findings.JOBS, level, group);
			if (c != null && c.total() != null) {
				cells.add(c);
			}
		}
		if (cells.isEmpty()) {
			return null;
		}
		cells.sort(Comparator.comparing(AggregateCell::total).reversed());
		List<String> parts = new ArrayList<>();
		for (AggregateCell c : cells.subList(0, Math.min(LARGEST, cells.size()))) {
			parts
				.add(PublicationContent.typographic(groups.get(c.area())) + " (" + FrenchFormat.amount(c.total(), "fte")
						+ " ETP, " + FrenchFormat.number((double) c.nRespondents(), 0) + " pôles répondants)");
		}
		String s = "Parmi les " + plural + ", celles qui réunissent le plus d’emplois : " + String.join(", ", parts)
				+ ".";
		if (PublicationContent.NETWORK.equals(level)) {
			s = s.replace("celles qui", "ceux qui")
					+ " Un pôle compte dans chacun de ses réseaux : leurs totaux ne s’additionnent pas.";
		}
		return s;
	}

	/**
	 * Rule 11: in each group, among the indicators that are not ratios, the largest rise
	 * and the largest fall on a constant sample; the groups without any publishable
	 * change are said so together.
	 */
	String changes(String level, Map<String, String> groups, String lead) {
		List<String> parts = new ArrayList<>();
		List<String> none = new ArrayList<>();
		for (Map.Entry<String, String> g : groups.entrySet()) {
			Findings.Change rise = null;
			Findings.Change fall = null;
			for (Published p : indicators) {
				AggregateCell c = published(p.code(), level, g.getKey());
				if (p.ratio() || c == null || c.yoyConstantPct() == null
						|| data.constantSampleWithheld(p.code(), level, g.getKey())) {
					continue;
				}
				double v = c.yoyConstantPct();
				if (v > 0 && (rise == null || v > rise.value())) {
					rise = new Findings.Change(p, v);
				}
				if (v < 0 && (fall == null || v < fall.value())) {
					fall = new Findings.Change(p, v);
				}
			}
			String name = PublicationContent.typographic(g.getValue());
			if (rise == null && fall == null) {
				none.add(name);
				continue;
			}
			List<String> said = new ArrayList<>();
			if (rise != null) {
				said.add("plus forte hausse, " + Findings.list(List.of(rise)));
			}
			if (fall != null) {
				said.add("plus forte baisse, " + Findings.list(List.of(fall)));
			}
			parts.add(name + " : " + String.join(" ; ", said));
		}
		if (parts.isEmpty()) {
			return lead + ", aucune évolution à champ constant n’est publiable (secret statistique, ou moins de "
					+ "trois pôles ayant répondu les deux années).";
		}
		String s = lead + ", à champ constant : " + String.join(". ", parts) + ".";
		if (!none.isEmpty()) {
			s += " Aucune évolution publiable pour : " + String.join(", ", none) + ".";
		}
		return s;
	}

}
