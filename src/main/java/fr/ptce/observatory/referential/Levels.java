package fr.ptce.observatory.referential;

import java.util.List;
import java.util.Map;

/**
 * The five levels of aggregate cells (methodology section 3), as written in the `level`
 * column: the one definition that aggregation, publications and the geographic
 * referential's populations use.
 */
public final class Levels {

	public static final String NATIONAL = "national";

	public static final String REGION = "region";

	public static final String DEPARTEMENT = "departement";

	public static final String THEME = "theme";

	public static final String NETWORK = "network";

	public static final List<String> ALL = List.of(NATIONAL, REGION, DEPARTEMENT, THEME, NETWORK);

	/**
	 * The levels in French, as publications name them (the XLSX's sheet per level, its
	 * README).
	 */
	public static final Map<String, String> LABELS_FR = Map.of(NATIONAL, "France", REGION, "Régions", DEPARTEMENT,
			"Départements", THEME, "Thématiques", NETWORK, "Réseaux");

	private Levels() {
	}

}
