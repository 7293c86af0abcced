package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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
 * The day of each pole's last accepted submission in the collection follow-up, from
 * observations written to real Parquet partitions: the day sent (named in the file's
 * name, else of ingestion in the observatory's calendar), then the order of revisions,
 * whatever period it reports on, up to the as-of instant.
 */
class CollectionFollowUpTest {

	static final int YEAR = PublicationFixture.YEAR;

	static final Instant AS_OF = Instant.parse("2026-03-31T21:59:59Z");

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void theLastAcceptedSubmissionOfEachPoleWhateverItsPeriod(@TempDir Path root) {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		// files of 2026 ingested in one run, as after a replay of the history or a pause
		// of the schedule
		long run = Timestamps.toMicros(Instant.parse("2026-03-30T08:00:00Z"));
		long lateRun = Timestamps.toMicros(Instant.parse("2026-03-31T10:00:00Z"));
		write(dir, YEAR + 1, List.of(
				// sent the same day: the name that sorts last is the later
				// (submission-format.md, Revisions)
				obs(YEAR + 1, "PTCE-0102", "20260328_PTCE-0102_2026-Q1.csv", run),
				obs(YEAR + 1, "PTCE-0102", "20260328_PTCE-0102_2026-Q1_correction.csv", run),
				// a name dated after the file was received says nothing of when it was
				// sent
				obs(YEAR + 1, "PTCE-0101", "20260415_PTCE-0101_2026-Q1.csv", lateRun),
				// nor a name that is another pole's
				obs(YEAR + 1, "PTCE-0103", "20260101_PTCE-0999_2026-Q1.csv", run),
				// after the as-of instant: not yet received as of it
				obs(YEAR + 1, "PTCE-0104", "20260330_PTCE-0104_2026-Q1.csv", Timestamps.toMicros(AS_OF) + 1)));

		Map<String, LastSubmissions.Submission> last = LastSubmissions.read(dir, AS_OF, PARIS);

		assertThat(last.get("PTCE-0102"))
			.isEqualTo(new LastSubmissions.Submission("20260328_PTCE-0102_2026-Q1_correction.csv",
					Instant.parse("2026-03-30T08:00:00Z"), LocalDate.of(2026, 3, 28)));
		assertThat(last.get("PTCE-0101").sent()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(last.get("PTCE-0103").sent()).isEqualTo(LocalDate.of(2026, 3, 30));
		// a file of 2024, received at 23:30 UTC on 14 November: the 15th in Paris
		assertThat(last.get("PTCE-0105")).isEqualTo(new LastSubmissions.Submission("e.csv",
				Instant.parse("2025-11-14T23:30:00Z"), LocalDate.of(2025, 11, 15)));
		assertThat(last).doesNotContainKey("PTCE-0104");
	}

	@Test
	void theDaySentIsTheNamesWhenItFollowsTheNamingOfSubmissions() {
		Instant received = Instant.parse("2026-03-30T22:30:00Z");
		assertThat(LastSubmissions.sent("PTCE-0007", "20260105_PTCE-0007_2025.csv", received, PARIS))
			.isEqualTo(LocalDate.of(2026, 1, 5));
		// otherwise the day of ingestion, in the calendar given
		assertThat(LastSubmissions.sent("PTCE-0007", "releve.csv", received, PARIS))
			.isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(LastSubmissions.sent("PTCE-0007", "releve.csv", received, ZoneId.of("UTC")))
			.isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(LastSubmissions.sent("PTCE-0007", "20261399_PTCE-0007_2025.csv", received, PARIS))
			.isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(LastSubmissions.sent("PTCE-0007", "x_20260105_PTCE-0007_2025.csv", received, PARIS))
			.isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void theFollowUpTellsTheDayEachPoleLastSent(@TempDir Path root) {
		DataDirectory dir = PublicationFixture.dataDirectory(root);
		Registry registry = PublicationFixture.registry();
		PublicationFixture.write(dir, registry);
		List<Observation> observations = TableReaders.readPartition(dir, Tables.OBSERVATIONS, YEAR,
				f -> TableReaders.observations(f, YEAR));
		List<CollectionFollowUp.Late> late = CollectionFollowUp.compute(YEAR, AS_OF, registry,
				PublicationFixture.CATALOGUE, observations, LastSubmissions.read(dir, AS_OF, PARIS));

		Edition edition = CollectionFollowUp.edition(YEAR, late, PublicationFixture.GEO, 5, false,
				PublicationData.load(dir, YEAR), PARIS);

		assertThat(lastSent(edition, "PTCE-0105")).isEqualTo("15\u00A0novembre 2025");
		assertThat(lastSent(edition, "PTCE-0102")).isEqualTo("5\u00A0mars 2026");
		assertThat(lastSent(edition, "PTCE-0103")).isEqualTo("10\u00A0février 2026");
		assertThat(lastSent(edition, "PTCE-0104")).isEqualTo(FrenchFormat.MISSING);
		assertThat(edition.fileName()).isEqualTo("interne/suivi-collecte-2025.pdf")
			.isEqualTo(CollectionFollowUp.fileName(YEAR));
	}

	private static String lastSent(Edition edition, String pole) {
		for (Section s : edition.sections()) {
			for (List<String> row : s.rows()) {
				if (row.get(0).contains("(" + FrenchFormat.code(pole) + ")")) {
					return row.get(row.size() - 1);
				}
			}
		}
		throw new AssertionError(pole + " is not in the follow-up");
	}

	private static Observation obs(int year, String pole, String file, long at) {
		return new Observation(year, pole, year + "-Q1", 1, "MEMBERS_TOTAL", 1.0, "count", "A", null, "2".repeat(64),
				file, 2, at);
	}

	private static void write(DataDirectory dir, int year, List<Observation> rows) {
		Tables.OBSERVATION.writeFile(dir.partition(Tables.OBSERVATIONS, year).resolve("part-0.parquet"),
				PublicationFixture.provenance(PublicationFixture.registry()), rows);
	}

}
