package fr.ptce.observatory.publish;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * The collection follow-up of year Y, for the analysts only: the poles expected in Y that
 * sent nothing, or not all the catalogue's indicators, per region, with the day of their
 * last accepted submission (any period, see {@link LastSubmissions}), in the
 * observatory's calendar. An indicator counts as sent when the pole has a current
 * observation of it for Y (annual or quarterly) that is not missing (status M); only rows
 * ingested up to the as-of instant count. It is written to publications/Y/interne/ with a
 * manifest of its own, never in the public manifest.
 */
public final class CollectionFollowUp {

	/** A pole that has not sent all its indicators for the year. */
	public record Late(Pole pole, int indicatorsSent, int indicatorsExpected,
			LastSubmissions.Submission lastSubmission) {

		public boolean nothing() {
			return indicatorsSent == 0;
		}

	}

	/**
	 * The sub-folder of a publication for the analysts only, never to be distributed with
	 * the rest.
	 */
	public static final String INTERNAL = "interne";

	private CollectionFollowUp() {
	}

	/** The file name of the follow-up of year Y, below the publication's folder. */
	public static String fileName(int year) {
		return INTERNAL + "/suivi-collecte-" + year + ".pdf";
	}

	/**
	 * @param observations the observations of year Y
	 * @param last each pole's last accepted submission up to the as-of instant
	 */
	static List<Late> compute(int year, Instant asOf, Registry registry, Catalogue catalogue,
			List<Observation> observations, Map<String, LastSubmissions.Submission> last) {
		long limit = Timestamps.toMicros(asOf);
		// the current observation of each (pole, period, indicator): greatest
		// ingested_at, then source_file
		Map<String, Observation> current = new HashMap<>();
		for (Observation o : observations) {
			if (o.ingestedAtMicros() > limit || o.year() != year) {
				continue;
			}
			String key = o.poleId() + '|' + o.period() + '|' + o.indicator();
			current.merge(key, o, (a, b) -> newer(a, b) ? a : b);
		}
		Map<String, Set<String>> sent = new HashMap<>();
		for (Observation o : current.values()) {
			if (!o.isMissing() && catalogue.find(o.indicator()) != null) {
				sent.computeIfAbsent(o.poleId(), k -> new HashSet<>()).add(o.indicator());
			}
		}
		int expected = catalogue.size();
		List<Late> late = new ArrayList<>();
		for (Pole p : registry.poles()) {
			if (!p.isExpected(year)) {
				continue;
			}
			int n = sent.getOrDefault(p.id(), Set.of()).size();
			if (n < expected) {
				late.add(new Late(p, n, expected, last.get(p.id())));
			}
		}
		late.sort((a, b) -> {
			int byRegion = a.pole().region().compareTo(b.pole().region());
			return byRegion != 0 ? byRegion : a.pole().id().compareTo(b.pole().id());
		});
		return late;
	}

	private static boolean newer(Observation a, Observation b) {
		if (a.ingestedAtMicros() != b.ingestedAtMicros()) {
			return a.ingestedAtMicros() > b.ingestedAtMicros();
		}
		return a.sourceFile().compareTo(b.sourceFile()) > 0;
	}

	/**
	 * The follow-up as a document: one table per region with late poles.
	 * @param zone the observatory's calendar, in which the days of ingestion were told
	 */
	public static Edition edition(int year, List<Late> late, GeoReferential geo, long expectedPoles, boolean fictional,
			PublicationData data, ZoneId zone) {
		List<Section> s = new ArrayList<>();
		s.add(Section.h1("Suivi de la collecte " + year));
		s.add(Section.text("Document de travail réservé aux analystes de l’observatoire : il nomme des pôles et "
				+ "ne doit pas être diffusé. Pôles attendus en " + year + " : "
				+ FrenchFormat.number((double) expectedPoles, 0) + " ; sans aucune donnée : "
				+ FrenchFormat.number((double) late.stream().filter(Late::nothing).count(), 0)
				+ " ; avec une déclaration partielle : "
				+ FrenchFormat.number((double) late.stream().filter(l -> !l.nothing()).count(), 0) + "."));
		if (late.isEmpty()) {
			s.add(Section.text("Tous les pôles attendus ont transmis l’ensemble des indicateurs."));
		}
		String region = null;
		List<List<String>> rows = new ArrayList<>();
		for (Late l : late) {
			if (!l.pole().region().equals(region)) {
				flush(s, region, rows, geo);
				region = l.pole().region();
				rows = new ArrayList<>();
			}
			rows.add(List.of(l.pole().name() + " (" + FrenchFormat.code(l.pole().id()) + ")", l.pole().departement(),
					l.nothing() ? "aucune donnée" : "partielle",
					FrenchFormat.number((double) l.indicatorsSent(), 0) + " / "
							+ FrenchFormat.number((double) l.indicatorsExpected(), 0),
					l.lastSubmission() == null ? FrenchFormat.MISSING : FrenchFormat.date(l.lastSubmission().sent())));
		}
		flush(s, region, rows, geo);
		if (!late.isEmpty()) {
			s.add(Section.text("Dernier envoi : jour d’envoi du dernier fichier accepté du pôle, quelle que soit la "
					+ "période déclarée, parmi les fichiers intégrés jusqu’à la date d’arrêté des données : la date "
					+ "en tête du nom du fichier (AAAAMMJJ_PTCE-NNNN_…), sinon le jour de son intégration (fuseau "
					+ zone.getId() + ") ; " + FrenchFormat.MISSING + " : aucun fichier accepté."));
		}
		s.addAll(ConfidentialityDigest.sections(data));
		return new Edition(fileName(year), "Suivi de la collecte " + year, "Document interne – ne pas diffuser",
				(fictional ? PublicationContent.FICTIONAL + " " : "") + "Document interne – ne pas diffuser.", s);
	}

	private static void flush(List<Section> s, String region, List<List<String>> rows, GeoReferential geo) {
		if (region == null || rows.isEmpty()) {
			return;
		}
		GeoReferential.Region r = geo.region(region);
		s.add(Section.h2(r == null ? region : r.name()));
		s.add(Section.table(null, List.of("Pôle", "Département", "Situation", "Indicateurs reçus", "Dernier envoi"),
				rows, null));
	}

}
