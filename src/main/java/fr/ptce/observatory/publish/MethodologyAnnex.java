package fr.ptce.observatory.publish;

import static fr.ptce.observatory.publish.FrenchFormat.MISSING;

import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.publish.PublicationContent.Provenance;
import fr.ptce.observatory.publish.PublicationContent.Published;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Indicator;

/**
 * The methodology annex of the national and regional publications: methodology.md in
 * French (yearly values, measures, statistical confidentiality with every rule of section
 * 4, the indicators) and the provenance of the figures.
 */
final class MethodologyAnnex {

	private MethodologyAnnex() {
	}

	static List<Section> sections(Catalogue catalogue, List<Published> indicators, Provenance provenance) {
		List<Section> s = new ArrayList<>();
		s.add(Section.h1("Annexe méthodologique"));
		s.add(Section.h2("Des déclarations aux chiffres annuels"));
		s.add(Section.text("Chaque pôle attendu (créé au plus tard l’année considérée et non fermé avant elle) "
				+ "transmet ses indicateurs, pour l’année ou par trimestre. La valeur annuelle d’un pôle est sa "
				+ "valeur annuelle déclarée ; à défaut, pour un indicateur de stock, la valeur du dernier trimestre "
				+ "déclaré ; pour un indicateur de flux, la somme des quatre trimestres, ou, avec deux ou trois "
				+ "trimestres, leur somme × 4 / n, alors marquée imputée. Avec un seul trimestre, le pôle est "
				+ "non répondant pour cet indicateur. Seule la dernière version de chaque déclaration reçue avant "
				+ "la date d’arrêté des données est retenue."));
		s.add(Section.text("Les ratios (part de l’ESS, part des financements publics, participation à l’assemblée "
				+ "générale) sont calculés sur les pôles disposant du numérateur et du dénominateur, comme rapport "
				+ "des sommes (jamais comme moyenne des ratios) ; leurs évolutions sont exprimées en points de "
				+ "pourcentage."));
		s.add(Section.h2("Mesures publiées"));
		s.add(Section.text("Total : somme des valeurs annuelles des pôles répondants. Médiane : valeur médiane par "
				+ "pôle (interpolation linéaire). Taux de réponse : pôles répondants / pôles attendus. Évolution "
				+ "sur un an : variation du total par rapport à l’année précédente, lorsque les deux totaux sont "
				+ "publiés. Évolution à champ constant : la même, calculée sur les seuls pôles répondants les deux "
				+ "années (au moins trois). Moyenne sur 3 ans : moyenne des totaux des trois dernières années. "
				+ "Densité : emplois (ETP) pour 10\u202F000 habitants. Croissance annuelle moyenne : taux de "
				+ "croissance annuel composé entre la première et la dernière année publiées des dix dernières "
				+ "années. Tendance : test de Mann-Kendall (hausse ou baisse significative au seuil de 5\u00A0%, "
				+ "stable sinon ; non calculée avec moins de quatre années publiées)."));
		s.add(Section.h2("Secret statistique"));
		s.add(Section.text("Aucun chiffre publié ne doit permettre de connaître les données d’un pôle, selon les "
				+ "règles que la statistique publique applique aux données d’entreprises. Les pôles qui ont accepté "
				+ "la diffusion de leurs propres chiffres (données ouvertes) voient leurs valeurs publiées\u00A0: elles "
				+ "sont donc tenues pour connues de tous, et les règles protègent les autres pôles, dits protégés."));
		s.add(Section.text("Secret primaire. Une case est couverte lorsqu’elle compte moins de 3 répondants, ou 1 "
				+ "ou 2 répondants protégés (le total diminué des valeurs connues les donnerait)\u00A0; pour un "
				+ "indicateur qui n’est pas un ratio, elle l’est aussi lorsqu’un seul pôle représente plus de "
				+ "85\u00A0% de son total, ou un seul pôle protégé plus de 85\u00A0% du total des pôles protégés."));
		s.add(Section.text("Secret secondaire. Dans les régions, dans les départements de chaque région et dans les "
				+ "thématiques, d’autres cases sont couvertes, les plus petites d’abord, tant que les cases couvertes "
				+ "réunies seraient elles-mêmes couvertes par le secret primaire\u00A0: elles ne peuvent ainsi être "
				+ "retrouvées par différence."));
		s.add(Section.text("Médianes et quartiles. Les quantiles de peu de valeurs sont ces valeurs : la médiane "
				+ "et les quartiles ne sont publiés que pour les cases d’au moins 10 répondants. La moyenne reste "
				+ "publiée (c’est le total divisé par un effectif publié)."));
		s.add(Section.text("Évolution à champ constant. L’écart entre un total et son total à champ constant est "
				+ "le total des pôles entrés ou sortis du champ\u00A0: cette évolution n’est publiée que si les pôles "
				+ "hors du champ constant, l’année considérée comme l’année précédente, sont absents ou forment un "
				+ "groupe qui ne serait pas lui-même couvert par le secret primaire."));
		s.add(Section.text("Contrôle par programmation linéaire. Les réseaux se recouvrent et les niveaux "
				+ "s’emboîtent\u00A0: pour chaque année et chaque indicateur qui n’est pas un ratio, l’observatoire "
				+ "calcule, pour chaque pôle protégé, la plus petite et la plus grande valeur compatibles avec "
				+ "l’ensemble des totaux publiés et des valeurs connues. Un pôle dont la valeur serait ainsi connue "
				+ "à 10\u00A0% près est protégé en couvrant une case de plus\u00A0: parmi les cases publiées où figure le "
				+ "pôle protégé de plus petit identifiant, celle qui compte le moins de répondants (à égalité\u00A0: "
				+ "réseau, thématique, département, région, France\u00A0; puis le plus petit code). Le contrôle est "
				+ "repris jusqu’à ce qu’aucun pôle ne soit exposé."));
		s.add(Section.text("Dans une case couverte, seuls les nombres de pôles attendus et répondants et le taux de "
				+ "réponse sont publiés. Un total couvert rend aussi indisponibles l’évolution de l’année suivante "
				+ "et les moyennes sur 3 ans qui l’utiliseraient. Un chiffre couvert est imprimé «\u00A0s\u00A0»\u00A0; une donnée "
				+ "non disponible «\u00A0" + MISSING + "\u00A0»."));
		s.add(Section.h2("Les indicateurs"));
		List<List<String>> rows = new ArrayList<>();
		for (Indicator i : catalogue.indicators()) {
			rows.add(List.of(PublicationContent.typographic(i.labelFr()), PublicationContent.unitLabel(i.unit()),
					i.isFlow() ? "flux" : "stock"));
		}
		for (Published p : indicators) {
			if (p.ratio()) {
				rows.add(List.of(p.label(), "%", "ratio"));
			}
		}
		s.add(Section.table("Indicateurs", List.of("Indicateur", "Unité", "Nature"), rows,
				"Stock : valeur à la fin de l’année ; flux : cumul sur l’année ; ratio : rapport de deux sommes, "
						+ "en pourcentage."));
		s.addAll(colophon(indicators, provenance));
		return s;
	}

	/**
	 * The scope of an edition's tables and figures (methodology section 1: the poles
	 * expected in the year).
	 */
	static String scope(int year, String where) {
		return "pôles territoriaux de coopération économique attendus en " + year + " (créés au plus tard en " + year
				+ " et non fermés avant), " + where + ".";
	}

	/**
	 * The provenance of the figures, printed small at the very end: the as-of instant
	 * exactly, the SHA-256 of the catalogue and registry, the software version, and the
	 * indicators' codes as the data files name them (the public text names indicators by
	 * their French labels only).
	 */
	static List<Section> colophon(List<Published> indicators, Provenance provenance) {
		List<Section> s = new ArrayList<>();
		s.add(Section.colophon("Provenance. Données arrêtées au " + FrenchFormat.instant(provenance.asOf()) + " ("
				+ fr.ptce.observatory.warehouse.Timestamps.format(provenance.asOf()) + "). Catalogue des indicateurs, "
				+ "SHA-256 " + provenance.catalogueSha256() + ". Répertoire des pôles, SHA-256 "
				+ provenance.registrySha256() + ". Logiciel : observatory " + provenance.softwareVersion() + "."));
		StringBuilder codes = new StringBuilder("Codes des indicateurs dans les fichiers de données : ");
		for (int i = 0; i < indicators.size(); i++) {
			codes.append(i == 0 ? "" : " ; ")
				.append(indicators.get(i).label())
				.append(" ")
				.append(indicators.get(i).code());
		}
		s.add(Section.colophon(codes.append('.').toString()));
		return s;
	}

}
