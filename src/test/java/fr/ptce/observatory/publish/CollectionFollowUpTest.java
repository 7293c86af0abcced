package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

/**
 * The day of each pole's last accepted submission in the collection follow-up, from observations written to
 * real Parquet partitions: the last by ingestion then file name, whatever period it reports on, up to the as-of
 * instant, told in the observatory's calendar.
 */
class CollectionFollowUpTest {

	static final int YEAR = PublicationFixture.YEAR;

	static final Instant AS_OF = Instant.parse("2026-03-31T21:59:59Z");

	@Test
	void theLastAcceptedSubmissionOfEachPoleWhateverItsPeriod(@TempDir Path root) {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		// two files ingested in one run: the name that sorts last is the later (submission-format.md, Revisions)
		long run = Timestamps.toMicros(Instant.parse("2026-03-30T08:00:00Z"));
		write(dir, YEAR + 1, List.of(obs(YEAR + 1, "PTCE-0102", "20260329_b.csv", run),
				obs(YEAR + 1, "PTCE-0102", "20260330_a.csv", run),
				// after the as-of instant: not yet received as of it
				obs(YEAR + 1, "PTCE-0103", "late.csv", Timestamps.toMicros(AS_OF) + 1)));

		Map<String, LastSubmissions.Submission> last = LastSubmissions.read(dir, AS_OF);

		assertThat(last.get("PTCE-0102")).isEqualTo(new LastSubmissions.Submission("20260330_a.csv",
				Instant.parse("2026-03-30T08:00:00Z")));
		assertThat(last.get("PTCE-0103")).isEqualTo(new LastSubmissions.Submission("d.csv",
				Instant.parse("2026-02-10T09:00:00Z")));
		assertThat(last.get("PTCE-0105").file()).isEqualTo("e.csv");
		assertThat(last).doesNotContainKey("PTCE-0104");
	}

	@Test
	void theFollowUpTellsTheDayInTheObservatorysCalendar(@TempDir Path root) {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		List<Observation> observations = TableReaders.readPartition(dir, Tables.OBSERVATIONS, YEAR,
				f -> TableReaders.observations(f, YEAR));
		List<CollectionFollowUp.Late> late = CollectionFollowUp.compute(YEAR, AS_OF, registry,
				PublicationFixture.CATALOGUE, observations, LastSubmissions.read(dir, AS_OF));

		Edition paris = CollectionFollowUp.edition(YEAR, late, PublicationFixture.GEO, 5, false,
				PublicationData.load(dir, YEAR), ZoneId.of("Europe/Paris"));
		Edition utc = CollectionFollowUp.edition(YEAR, late, PublicationFixture.GEO, 5, false,
				PublicationData.load(dir, YEAR), ZoneId.of("UTC"));

		// 2025-11-14T23:30Z is the 15th in Paris
		assertThat(lastSent(paris, "PTCE-0105")).isEqualTo("15 novembre 2025");
		assertThat(lastSent(utc, "PTCE-0105")).isEqualTo("14 novembre 2025");
		assertThat(lastSent(paris, "PTCE-0102")).isEqualTo("5 mars 2026");
		assertThat(lastSent(paris, "PTCE-0104")).isEqualTo(FrenchFormat.MISSING);
		assertThat(paris.fileName()).isEqualTo("interne/suivi-collecte-2025.pdf")
			.isEqualTo(CollectionFollowUp.fileName(YEAR));
	}

	private static String lastSent(Edition edition, String pole) {
		for (Section s : edition.sections()) {
			for (List<String> row : s.rows()) {
				if (row.get(0).contains("(" + pole + ")")) {
					return row.get(row.size() - 1);
				}
			}
		}
		throw new AssertionError(pole + " is not in the follow-up");
	}

	private static Observation obs(int year, String pole, String file, long at) {
		return new Observation(year, pole, year + "-Q1", 1, "MEMBERS_TOTAL", 1.0, "count", "A", null,
				"2".repeat(64), file, 2, at);
	}

	private static void write(DataDirectory dir, int year, List<Observation> rows) {
		Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, year).resolve("part-0.parquet"),
				PublicationFixture.provenance(PublicationFixture.registry()), rows);
	}

}
