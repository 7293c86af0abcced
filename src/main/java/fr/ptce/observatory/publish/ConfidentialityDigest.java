package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.aggregate.Ratio;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.WithheldFigure;

/**
 * The confidentiality audit of the year for the internal follow-up (methodology section
 * 4, Audit): per indicator, the protected poles audited, those the published cells
 * exposed before suppression, the cells suppressed, and which pole each suppression
 * protects. It names poles: never in a public document.
 */
final class ConfidentialityDigest {

	private ConfidentialityDigest() {
	}

	static List<Section> sections(PublicationData data) {
		List<Section> s = new ArrayList<>();
		s.add(Section.h1("Contrôle du secret statistique " + data.year()));
		if (data.audit().isEmpty()) {
			s.add(Section.text("Les agrégats de cette année ont été calculés sans le contrôle par programmation "
					+ "linéaire : relancer le calcul des agrégats pour l’obtenir."));
			return s;
		}
		s.add(Section.text("Pour chaque indicateur qui n’est pas un ratio, les valeurs des pôles sans accord de "
				+ "diffusion (pôles protégés) ont été encadrées par programmation linéaire à partir de tous les "
				+ "totaux publiés et des valeurs des pôles en données ouvertes. Un pôle est exposé lorsque cet "
				+ "encadrement donne sa valeur à 10\u00A0% près ; chaque exposition a été levée en couvrant une case."));
		List<List<String>> rows = new ArrayList<>();
		for (AuditSummary a : data.audit()) {
			boolean ratio = Ratio.isRatio(a.indicator());
			rows.add(List.of(a.indicator(), count(a.protectedRespondents()),
					ratio ? "ratio, non contrôlé" : count(a.polesAudited()), count(a.polesExposed()),
					count(a.cellsSuppressed()), count(a.constantSamplesWithheld())));
		}
		s.add(Section.table("Contrôle du secret",
				List.of("Indicateur", "Répondants protégés", "Pôles contrôlés", "Pôles exposés avant contrôle",
						"Cases couvertes par le contrôle", "Évolutions à champ constant retenues"),
				rows, null));
		List<WithheldFigure> suppressions = data.auditSuppressions();
		if (!suppressions.isEmpty()) {
			List<List<String>> cells = new ArrayList<>();
			for (WithheldFigure w : suppressions) {
				cells.add(List.of(w.indicator(), w.level(), w.area(), w.poleId(), count(w.round() + 1)));
			}
			s.add(Section.h2("Cases couvertes par le contrôle"));
			s.add(Section.table(null, List.of("Indicateur", "Niveau", "Zone", "Pôle protégé", "Tour"), cells, null));
		}
		return s;
	}

	private static String count(int n) {
		return FrenchFormat.number((double) n, 0);
	}

}
