package fr.ptce.observatory.samples;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Fictional pole names, drawn from word lists: a kind of organisation and an invented
 * place ("Pôle Coopératif de Valbrune", "Fabrique Solidaire des Trois Rivières").
 * Invented place names that happen to be the name of a real commune are drawn again, so
 * that no name points at a real place next to invented figures.
 */
final class Names {

	private static final String[] KINDS = { "Pôle Coopératif", "Pôle Territorial", "Fabrique Coopérative",
			"Fabrique Solidaire", "Archipel", "Maison des Coopérations", "Ruche Solidaire", "Atelier Coopératif",
			"Grappe Solidaire", "Alliance Coopérative", "Carrefour des Initiatives", "Comptoir Coopératif",
			"Pôle d'Économie Solidaire", "Collectif Coopératif", "Plateforme Coopérative", "Creuset Coopératif",
			"Coopérative de Territoire", "Pôle des Communs", "Grenier Solidaire", "Passerelle Coopérative" };

	private static final String[] THEMED = { "Circuits Courts", "Ressourcerie Coopérative", "Mobilités Partagées",
			"Scène Coopérative", "Habitat Partagé", "Énergies Citoyennes", "Numérique Solidaire", "Services Partagés",
			"Tourisme Solidaire", "Chantiers Solidaires" };

	private static final String[] PLACES = { "des Trois Rivières", "du Val Doré", "des Hautes Terres", "du Bocage Vert",
			"de la Vallée Claire", "des Coteaux Lumineux", "du Grand Large", "des Quatre Vents", "de l'Étang Bleu",
			"des Deux Rives", "du Plateau Fleuri", "de la Forêt Haute", "des Sources Vives", "de la Lande Rousse",
			"des Collines d'Ambre", "du Canal Vert", "de la Baie Tranquille", "des Monts Clairs", "du Causse Ouvert",
			"de la Plaine Dorée", "des Vergers Anciens", "de la Combe Verte", "des Hauts Plateaux", "du Vallon Perdu",
			"des Sept Chemins", "de la Rive Haute", "des Genêts", "du Pré Commun", "des Terres Franches",
			"de la Pointe Claire" };

	private static final String[] STARTS = { "Val", "Mont", "Clair", "Roche", "Belle", "Haute", "Font", "Bois", "Pré",
			"Lan", "Ker", "Saule", "Bel", "Mar", "Cour", "Vert", "Aube", "Ros", "Gran", "Fleur" };

	private static final String[] ENDS = { "brune", "fleur", "vigne", "combe", "lande", "rive", "moulin", "source",
			"vallon", "genêt", "ajonc", "sorbier", "aulne", "mésange", "ardoise", "bruyère", "chaume", "orée", "sablon",
			"castel" };

	private Names() {
	}

	static String draw(Rng rng, String theme, int themeIndex, Set<String> realCommunes) {
		String kind = rng.chance(0.2) ? THEMED[themeIndex] : rng.pick(KINDS);
		if (rng.chance(0.4)) {
			return kind + " " + rng.pick(PLACES);
		}
		while (true) {
			String place = rng.pick(STARTS) + rng.pick(ENDS);
			if (!realCommunes.contains(fold(place))) {
				boolean vowel = "AEIOUÉÈ".indexOf(Character.toUpperCase(place.charAt(0))) >= 0;
				return kind + (vowel ? " d'" : " de ") + place;
			}
		}
	}

	/** Lower case without accents, for comparing with commune names. */
	static String fold(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
