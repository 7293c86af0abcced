package fr.ptce.observatory.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.aggregate.Confidentiality;
import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.Timestamps;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The README sheet of the workbook, in French: what each sheet holds, the sources, the
 * columns of the data sheet with their units, the codes (levels, areas, indicators), what
 * {@code s}, an empty cell and each conf_status mean, the licence and the provenance.
 */
final class XlsxReadme {

	static final String SHEET = "Lisez-moi";

	/** The licence of the observatory's open data, as in the partners' data packages. */
	static final String LICENCE = "Licence Ouverte / Open Licence 2.0 (Etalab), "
			+ "https://www.etalab.gouv.fr/licence-ouverte-open-licence/ : réutilisation libre, y compris "
			+ "commerciale, sous réserve de mentionner la source (« Observatoire national des PTCE ») et la date "
			+ "des données.";

	private final Sheet sheet;

	private final XlsxStyles styles;

	private int r;

	private XlsxReadme(Sheet sheet, XlsxStyles styles) {
		this.sheet = sheet;
		this.styles = styles;
	}

	static void write(Sheet sheet, XlsxStyles styles, XlsxTables.Source source) {
		XlsxReadme readme = new XlsxReadme(sheet, styles);
		readme.content(source);
		sheet.setColumnWidth(0, 28 * 256);
		sheet.setColumnWidth(1, 60 * 256);
		sheet.setColumnWidth(2, 40 * 256);
		sheet.createFreezePane(0, 1);
	}

	private void content(XlsxTables.Source source) {
		int y = source.data().year();
		line(styles.title, "Observatoire national des pôles territoriaux de coopération économique (PTCE) – "
				+ "tableaux de données " + y);
		if (source.notice() != null) {
			line(styles.header, source.notice());
		}
		r++;
		section("Contenu");
		row("Lisez-moi", "Cette notice.");
		for (String level : Levels.ALL) {
			row(Levels.LABELS_FR.get(level), "Toutes les cellules de " + y + " au niveau " + level
					+ ", une ligne par indicateur et zone, pour la lecture (s : secret statistique).");
		}
		row(XlsxTables.DATA,
				"Toutes les cellules des dix années " + (y - PublicationData.WINDOW + 1) + " à " + y
						+ ", en format long (une ligne par année, indicateur, niveau et zone), noms de colonnes du "
						+ "schéma des agrégats de l’observatoire ; une case confidentielle est vide.");
		section("Source");
		row("Source", "Indicateurs transmis par les pôles à l’observatoire national des PTCE, agrégés selon "
				+ "la méthodologie publiée (annexe méthodologique du rapport).");
		row("Champ", "Pôles attendus l’année considérée d’après le répertoire des pôles : créés au plus tard "
				+ "cette année-là et non fermés avant elle.");
		row("Date des données", "Données arrêtées au " + FrenchFormat.instant(source.provenance().asOf()) + ".");
		row("Population", "Population des communes du référentiel géographique (recensement de la population, "
				+ "INSEE), pour la densité d’emplois.");
		columns();
		codes(source);
		secrets();
		section("Licence");
		row("Licence", LICENCE);
		section("Provenance");
		row("as_of", Timestamps.format(source.provenance().asOf()));
		row("catalogue_sha256", source.provenance().catalogueSha256());
		row("registry_sha256", source.provenance().registrySha256());
		row("software_version", source.provenance().softwareVersion());
	}

	private void columns() {
		section("Colonnes de la feuille " + XlsxTables.DATA);
		row("year", "Année de référence.");
		row("indicator", "Code de l’indicateur (liste ci-dessous).");
		row("level", "Niveau : " + String.join(", ", Levels.ALL) + ".");
		row("area", "Code de la zone : FR ; code INSEE de région ou de département (code officiel géographique) ; "
				+ "code de thématique ou de réseau (listes ci-dessous).");
		row("area_name", "Nom de la zone.");
		for (AggregateMeasure m : AggregateMeasure.values()) {
			row(m.column(), m.label() + ".", unit(m.kind()));
		}
		row("conf_status", "Statut de confidentialité de la cellule (ci-dessous).");
		row("unit", "Unité des totaux, moyennes, quantiles et moyennes sur 3 ans de l’indicateur (ci-dessous).");
	}

	private static String unit(AggregateMeasure.Kind kind) {
		return switch (kind) {
			case COUNT -> "nombre de pôles";
			case RATE -> "part entre 0 et 1 (affichée en %)";
			case AMOUNT, PER_POLE -> "unité de l’indicateur (colonne unit)";
			case DENSITY ->
				"emplois (ETP) pour 10\u202F000 habitants ; JOBS_FTE, niveaux national, region, " + "departement";
			case CHANGE -> "% ; points de pourcentage (pt) pour un ratio";
		};
	}

	private void codes(XlsxTables.Source source) {
		section("Indicateurs");
		for (PublicationContent.Published p : source.content().indicators()) {
			row(p.code(), p.label(),
					p.unit() + (p.ratio() ? " (ratio)" : " : " + PublicationContent.unitLabel(p.unit())));
		}
		section("Unités");
		for (String unit : List.of("count", "fte", "EUR", "h", "t")) {
			row(unit, PublicationContent.unitLabel(unit));
		}
		row("%", "pourcentage (ratios : rapport de deux sommes × 100)");
		section("Thématiques");
		labels(PublicationContent.THEMES, Registry.THEMES);
		section("Réseaux");
		labels(PublicationContent.NETWORKS, Registry.NETWORKS);
	}

	private void labels(Map<String, String> labels, List<String> codes) {
		for (String code : codes.stream().sorted().toList()) {
			row(code, labels.getOrDefault(code, code));
		}
	}

	private void secrets() {
		section("Secret statistique");
		row("s", "Dans les feuilles de lecture : chiffre couvert par le secret statistique.");
		row("case vide",
				"Dans la feuille " + XlsxTables.DATA + " : chiffre couvert par le secret (statut autre "
						+ "que F, médiane et quartiles de moins de " + Confidentiality.MIN_RESPONDENTS_FOR_QUANTILES
						+ " répondants, évolution à champ constant retenue) ou non disponible (pas d’année précédente "
						+ "publiée, densité hors JOBS_FTE). Dans les feuilles de lecture : chiffre non disponible.");
		row("F", "Libre : la cellule est publiée.");
		row("A", "Secret primaire : moins de " + Confidentiality.MIN_RESPONDENTS
				+ " répondants, ou 1 ou 2 pôles protégés (sans accord de diffusion) parmi eux.");
		row("O", "Secret primaire : un pôle représente plus de 85 % du total (ou un pôle protégé plus de 85 % "
				+ "du total des pôles protégés).");
		row("D", "Secret secondaire : cellule couverte pour qu’une autre ne puisse être retrouvée par différence, "
				+ "ou pour protéger un pôle (contrôle par programmation linéaire).");
		row("", "Dans une cellule qui n’est pas F, seuls les nombres de pôles attendus, répondants et imputés et "
				+ "le taux de réponse sont publiés.");
	}

	private void section(String title) {
		r++;
		line(styles.header, title);
	}

	private void line(org.apache.poi.ss.usermodel.CellStyle style, String text) {
		XlsxStyles.text(sheet.createRow(r++), 0, text, style);
	}

	private void row(String... cells) {
		Row row = sheet.createRow(r++);
		List<String> values = new ArrayList<>(List.of(cells));
		for (int i = 0; i < values.size(); i++) {
			XlsxStyles.text(row, i, values.get(i), i == 0 ? null : styles.wrapped);
		}
	}

}
