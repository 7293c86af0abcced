package fr.ptce.observatory.schedule;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schedule file operators edit: read, checked, and refused with the file, the entry
 * and the reason.
 */
class ScheduleFileTest {

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(ScheduleFileTest.class.getResource(name).toURI());
	}

	@Test
	void readsEntriesWithDefaults() throws Exception {
		// given a file with three entries, some keys left out
		// when it is read
		List<ScheduleEntry> entries = ScheduleFile.read(resource("schedules-good.yml"));

		// then each has its job, cron, zone (Europe/Paris by default), parameters,
		// enabled flag and misfire policy
		assertThat(entries).extracting(ScheduleEntry::name)
			.containsExactly("every-two-seconds", "nightly", "report-disabled");
		ScheduleEntry ingest = entries.get(0);
		assertThat(ingest.job()).isEqualTo(PipelineJob.INGEST);
		assertThat(ingest.zone().getId()).isEqualTo("Europe/Paris");
		assertThat(ingest.enabled()).isTrue();
		assertThat(ingest.misfire()).isEqualTo(ScheduleEntry.Misfire.SKIP);
		ScheduleEntry nightly = entries.get(1);
		assertThat(nightly.job()).isEqualTo(PipelineJob.AGGREGATE);
		assertThat(nightly.zone().getId()).isEqualTo("UTC");
		assertThat(nightly.misfire()).isEqualTo(ScheduleEntry.Misfire.FIRE_ONCE_NOW);
		assertThat(entries.get(2).enabled()).isFalse();
		assertThat(entries.get(2).parameters()).isEqualTo(Map.of("year", "2024"));
	}

	@Test
	void relativeYearsAreThoseOfTheFiringDayInTheScheduleZone() throws Exception {
		// given the nightly entry (UTC) and the annual report (Europe/Paris,
		// previous-year)
		ScheduleEntry nightly = ScheduleFile.read(resource("schedules-good.yml")).get(1);
		ScheduleEntry report = ScheduleFile.bundled().get(2);

		// when resolved at 2026-12-31T23:30Z, already 2027 in Paris
		Clock clock = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

		// then UTC still says 2026, Paris 2027
		assertThat(nightly.resolveParameters(clock)).containsEntry("from", "2024").containsEntry("to", "2026");
		assertThat(report.resolveParameters(clock)).containsEntry("year", "2026");
	}

	@Test
	void bundledAndRepositoryFilesHoldTheDefaults() throws Exception {
		// the defaults of the issue: ingest every 15 minutes, aggregate current and
		// previous year nightly,
		// report of the previous year on 31 March, then the partners' extracts of that
		// year
		List<ScheduleEntry> file = ScheduleFile.read(Path.of("jobs", "schedules.yml"));
		assertThat(ScheduleFile.bundled()).isEqualTo(file);
		assertThat(file).extracting(e -> e.job().shortName() + " " + e.cron() + " " + e.parameters())
			.containsExactly("ingest 0 0/15 * * * ? {}", "aggregate 0 30 2 * * ? {from=previous-year, to=current-year}",
					"report 0 0 6 31 3 ? {year=previous-year}", "extract 0 0 7 31 3 ? {year=previous-year}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"schedules-bad-cron.yml|schedule 'nightly' (#1): invalid cron expression '0 30 2 * * *'",
			"schedules-bad-job.yml|schedule 'typo' (#2): unknown job 'agregate' (known: ingest, aggregate, report, extract)",
			"schedules-bad-zone.yml|schedule 'paris' (#1): unknown time zone 'Europe/Pariss'",
			"schedules-bad-parameter.yml|schedule 'report' (#1): unknown parameter 'yaer' for job report",
			"schedules-missing-parameter.yml|schedule 'nightly' (#1): job aggregate needs the parameter 'to'",
			"schedules-duplicate.yml|schedule 'twice' (#2): the name 'twice' is used twice",
			"schedules-not-yaml.yml|not valid YAML" })
	void badFilesAreRefusedWithFileEntryAndReason(String file, String message) throws Exception {
		// given a file with one mistake, when read, then the message names the file, the
		// entry and the reason
		Path path = resource(file);
		assertThatThrownBy(() -> ScheduleFile.read(path)).isInstanceOf(ScheduleException.class)
			.hasMessageStartingWith(path.toString())
			.hasMessageContaining(message);
	}

	@Test
	void parametersAreCheckedByType() {
		// a year that is not a year, an as-of that is not an instant, from after to
		assertThatThrownBy(() -> PipelineJob.REPORT.check(Map.of("year", "24"))).hasMessageContaining("must be a year");
		assertThatThrownBy(() -> PipelineJob.REPORT.check(Map.of("year", "2024", "asOf", "yesterday")))
			.hasMessageContaining("ISO-8601");
		assertThatThrownBy(() -> PipelineJob.AGGREGATE.check(Map.of("from", "2025", "to", "2024")))
			.hasMessageContaining("is after");
		assertThat(PipelineJob.AGGREGATE.check(Map.of("from", "2024", "to", "2025", "asOf", "2026-03-31"))).hasSize(3);
		// extract: a year, and a partner code as the partners file spells them
		assertThatThrownBy(() -> PipelineJob.EXTRACT.check(Map.of("partner", "RTES")))
			.hasMessage("job extract needs the parameter 'year'");
		assertThatThrownBy(() -> PipelineJob.EXTRACT.check(Map.of("year", "2025", "partner", "rtes")))
			.hasMessageContaining("parameter 'partner' of job extract must be a partner code");
		assertThat(PipelineJob.EXTRACT.check(Map.of("year", "2025", "partner", "ESS_FRANCE"))).hasSize(2);
	}

}
