package fr.ptce.observatory.extract;

import static fr.ptce.observatory.extract.ExtractTable.optional;
import static fr.ptce.observatory.extract.ExtractTable.required;

import java.util.List;

import fr.ptce.observatory.extract.ExtractTable.Type;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Trend;

/**
 * The five tables of a partner extract (extracts.md), column for column, with the French
 * descriptions that datapackage.json gives the partners. Columns keep the names and order
 * of the warehouse (interfaces.md), with {@code year} first where an extract spans
 * several years.
 */
final class ExtractTables {

	/** An aggregate cell of one year of the window. */
	record YearCell(int year, AggregateCell cell) {
	}

	/** A pole's yearly value of one year of the window. */
	record YearValue(int year, PoleValue value) {
	}

	/** A line of the indicator catalogue, or one of the three derived ratios. */
	record IndicatorRow(String indicator, String labelFr, String labelEn, String unit, String kind, String valueType,
			String domain) {
	}

	private ExtractTables() {
	}

	private static final String CONFIDENTIAL = " ; vide (null) si la cellule est confidentielle (conf_status différent de F)";

	static final ExtractTable<YearCell> AGGREGATES = new ExtractTable<YearCell>("aggregates",
			"Cellules agrégées des dix années (méthodologie, sections 3 et 4)",
			List.of(required("year", Type.INT32, "Année de référence", r -> r.year()),
					required("indicator", Type.STRING, "Code de l'indicateur (voir indicators)",
							r -> r.cell().indicator()),
					required("level", Type.STRING, "Niveau : national, region, departement, theme, network",
							r -> r.cell().level()),
					required("area", Type.STRING,
							"Zone : FR, code INSEE de région ou de département, code de thème ou de réseau",
							r -> r.cell().area()),
					required("n_expected", Type.INT32, "Nombre de pôles attendus", r -> r.cell().nExpected()),
					required("n_respondents", Type.INT32, "Nombre de pôles répondants", r -> r.cell().nRespondents()),
					required("n_imputed", Type.INT32, "Nombre de valeurs imputées parmi les répondants",
							r -> r.cell().nImputed()),
					optional("response_rate", Type.DOUBLE, "Taux de réponse (%)", r -> r.cell().responseRate()),
					optional("total", Type.DOUBLE, "Total" + CONFIDENTIAL, r -> r.cell().total()),
					optional("mean", Type.DOUBLE, "Moyenne par répondant" + CONFIDENTIAL, r -> r.cell().mean()),
					optional("median", Type.DOUBLE, "Médiane, publiée à partir de 10 répondants" + CONFIDENTIAL,
							r -> r.cell().median()),
					optional("p25", Type.DOUBLE, "Premier quartile, publié à partir de 10 répondants" + CONFIDENTIAL,
							r -> r.cell().p25()),
					optional("p75", Type.DOUBLE, "Troisième quartile, publié à partir de 10 répondants" + CONFIDENTIAL,
							r -> r.cell().p75()),
					optional("density", Type.DOUBLE,
							"Emplois (ETP) pour 10 000 habitants de la zone (JOBS_FTE, "
									+ "niveaux national, région et département)" + CONFIDENTIAL,
							r -> r.cell().density()),
					optional("yoy_pct", Type.DOUBLE, "Évolution sur un an (%, points pour un ratio)" + CONFIDENTIAL,
							r -> r.cell().yoyPct()),
					optional("yoy_constant_pct", Type.DOUBLE,
							"Évolution sur un an à échantillon constant" + CONFIDENTIAL,
							r -> r.cell().yoyConstantPct()),
					optional("ma3", Type.DOUBLE, "Moyenne mobile des totaux sur trois ans" + CONFIDENTIAL,
							r -> r.cell().ma3()),
					required("conf_status", Type.STRING,
							"Statut de confidentialité SDMX : F libre, A primaire (effectif), O primaire (dominance), "
									+ "D secondaire",
							r -> r.cell().confStatus())))
		.writtenBy((r, out) -> {
			AggregateCell c = r.cell();
			out.int32(0, r.year());
			out.code(1, c.indicator());
			out.code(2, c.level());
			out.code(3, c.area());
			out.int32(4, c.nExpected());
			out.int32(5, c.nRespondents());
			out.int32(6, c.nImputed());
			Double[] measures = measures(c);
			for (int i = 0; i < measures.length; i++) {
				out.float64(7 + i, measures[i]);
			}
			out.code(17, c.confStatus());
		}, (b, r) -> {
			AggregateCell c = r.cell();
			b.append(r.year()).append(',');
			CsvValues.appendString(b, c.indicator());
			b.append(',');
			CsvValues.appendString(b, c.level());
			b.append(',');
			CsvValues.appendString(b, c.area());
			b.append(',').append(c.nExpected()).append(',').append(c.nRespondents()).append(',').append(c.nImputed());
			for (Double m : measures(c)) {
				b.append(',');
				if (m != null) {
					CsvValues.appendNumber(b, m);
				}
			}
			b.append(',');
			CsvValues.appendString(b, c.confStatus());
		});

	/** The ten nullable doubles of a cell, in column order (response_rate to ma3). */
	private static Double[] measures(AggregateCell c) {
		return new Double[] { c.responseRate(), c.total(), c.mean(), c.median(), c.p25(), c.p75(), c.density(),
				c.yoyPct(), c.yoyConstantPct(), c.ma3() };
	}

	static final ExtractTable<Trend> TRENDS = new ExtractTable<>("trends",
			"Tendances sur dix ans de chaque cellule de l'année de l'extrait (méthodologie, section 5)",
			List.of(required("indicator", Type.STRING, "Code de l'indicateur", Trend::indicator),
					required("level", Type.STRING, "Niveau de la cellule", Trend::level),
					required("area", Type.STRING, "Zone de la cellule", Trend::area),
					optional("first_year", Type.INT32, "Première année publiée de la série", Trend::firstYear),
					optional("last_year", Type.INT32, "Dernière année publiée de la série", Trend::lastYear),
					required("n_points", Type.INT32, "Nombre d'années publiées dans la série", Trend::nPoints),
					optional("mk_s", Type.INT32, "Statistique S de Mann-Kendall", Trend::mkS),
					optional("cagr_pct", Type.DOUBLE, "Taux de croissance annuel moyen (%)", Trend::cagrPct),
					optional("theil_sen_slope", Type.DOUBLE, "Pente de Theil-Sen (unité de l'indicateur par an)",
							Trend::theilSenSlope),
					optional("mk_z", Type.DOUBLE, "Statistique Z de Mann-Kendall", Trend::mkZ),
					optional("mk_p", Type.DOUBLE, "Probabilité critique du test de Mann-Kendall", Trend::mkP),
					optional("direction", Type.STRING, "Sens de la tendance : hausse, baisse, stable",
							Trend::direction)));

	static final ExtractTable<Pole> POLES = new ExtractTable<>("poles",
			"Pôles du registre visibles par le partenaire : membres d'un de ses réseaux ayant accepté la diffusion "
					+ "de leurs données (open_data = yes)",
			List.of(required("pole_id", Type.STRING, "Identifiant du pôle (PTCE- et quatre chiffres)", Pole::id),
					required("name", Type.STRING, "Nom du pôle", Pole::name),
					required("commune", Type.STRING, "Code INSEE de la commune du siège", Pole::commune),
					required("departement", Type.STRING, "Code du département (COG 2026)", Pole::departement),
					required("region", Type.STRING, "Code de la région (COG 2026)", Pole::region),
					required("created", Type.INT32, "Année de création", Pole::created),
					optional("closed", Type.INT32, "Année de la dernière activité ; vide si actif", Pole::closed),
					required("legal_form", Type.STRING,
							"Forme juridique de la structure porteuse : association, scic, scop, gie, sas, other",
							Pole::legalForm),
					required("theme", Type.STRING, "Domaine d'activité principal", Pole::theme),
					required("networks", Type.STRING, "Réseaux dont le pôle est membre, séparés par |",
							p -> String.join("|", p.networks()))));

	static final ExtractTable<YearValue> POLE_VALUES = new ExtractTable<YearValue>("pole_values",
			"Valeurs annuelles des pôles visibles par le partenaire (méthodologie, sections 1 et 2)",
			List.of(required("year", Type.INT32, "Année", r -> r.year()),
					required("pole_id", Type.STRING, "Identifiant du pôle (voir poles)", r -> r.value().poleId()),
					required("indicator", Type.STRING, "Code de l'indicateur (voir indicators)",
							r -> r.value().indicator()),
					required("value", Type.DOUBLE, "Valeur annuelle, dans l'unité de l'indicateur",
							r -> r.value().value()),
					required("imputed", Type.BOOLEAN, "Vrai si la valeur est imputée (trimestres manquants)",
							r -> r.value().imputed()),
					required("n_quarters", Type.INT32,
							"Nombre de trimestres déclarés ; 0 pour une déclaration annuelle",
							r -> r.value().nQuarters())))
		.writtenBy((r, out) -> {
			PoleValue v = r.value();
			out.int32(0, r.year());
			out.code(1, v.poleId());
			out.code(2, v.indicator());
			out.float64(3, v.value());
			out.bool(4, v.imputed());
			out.int32(5, v.nQuarters());
		}, (b, r) -> {
			PoleValue v = r.value();
			b.append(r.year()).append(',');
			CsvValues.appendString(b, v.poleId());
			b.append(',');
			CsvValues.appendString(b, v.indicator());
			b.append(',');
			CsvValues.appendNumber(b, v.value());
			b.append(',').append(v.imputed()).append(',').append(v.nQuarters());
		});

	static final ExtractTable<IndicatorRow> INDICATORS = new ExtractTable<>("indicators",
			"Catalogue des indicateurs et des trois ratios dérivés",
			List.of(required("indicator", Type.STRING, "Code de l'indicateur", IndicatorRow::indicator),
					required("label_fr", Type.STRING, "Libellé en français", IndicatorRow::labelFr),
					required("label_en", Type.STRING, "Libellé en anglais", IndicatorRow::labelEn),
					required("unit", Type.STRING, "Unité : count, fte, h, EUR, t, %", IndicatorRow::unit),
					required("kind", Type.STRING,
							"Nature : stock (niveau à une date), flow (flux sur l'année), ratio (rapport en %)",
							IndicatorRow::kind),
					required("value_type", Type.STRING, "Type de valeur : integer, decimal", IndicatorRow::valueType),
					required("domain", Type.STRING, "Domaine : cooperation, employment, governance, economy, "
							+ "environment ; derived pour un ratio", IndicatorRow::domain)));

	/** In the order of the files of an extract. */
	static final List<ExtractTable<?>> ALL = List.of(AGGREGATES, TRENDS, POLES, POLE_VALUES, INDICATORS);

}
