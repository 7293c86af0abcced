package fr.ptce.observatory.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import fr.ptce.observatory.schedule.backfill.PartitionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's French words and marks: every partition state has its own mark and words
 * (the grid without colour).
 */
class FormatTest {

	private final Format f = new Format();

	@Test
	void everyPartitionStateHasItsOwnMarkAndWords() {
		java.util.Set<String> marks = new java.util.HashSet<>();
		java.util.Set<String> words = new java.util.HashSet<>();
		for (PartitionState.State s : PartitionState.State.values()) {
			marks.add(f.mark(s.name()));
			words.add(f.state(s.name()));
			assertThat(f.mark(s.name())).isNotEqualTo("?");
			assertThat(f.state(s.name())).isNotEqualTo(s.name());
		}
		assertThat(marks).hasSize(PartitionState.State.values().length);
		assertThat(words).hasSize(PartitionState.State.values().length);
	}

	@Test
	void runStatusesAreTheStatesTheyGiveTheirPartitions() {
		assertThat(f.runState("STARTED")).isEqualTo("RUNNING");
		assertThat(f.runState("STOPPING")).isEqualTo("RUNNING");
		assertThat(f.runState("COMPLETED")).isEqualTo("COMPLETED");
		assertThat(f.runState("UNKNOWN")).isEqualTo("FAILED");
		assertThat(f.status("FAILED")).isEqualTo("échouée");
		assertThat(f.running("STARTING")).isTrue();
		assertThat(f.running("ABANDONED")).isFalse();
	}

	@Test
	void timesAreInParisTimeAndSizesInBinaryUnits() {
		assertThat(f.time(Instant.parse("2026-03-31T04:00:00Z"))).isEqualTo("31/03/2026 06:00:00");
		assertThat(f.time("2026-01-15T12:00:00Z")).isEqualTo("15/01/2026 13:00:00");
		LocalDateTime local = LocalDateTime.ofInstant(Instant.parse("2026-07-01T10:00:00Z"), ZoneId.systemDefault());
		assertThat(f.time(local)).isEqualTo("01/07/2026 12:00:00");
		assertThat(f.time(null)).isEqualTo("–");
		assertThat(f.time(java.sql.Timestamp.valueOf(local))).isEqualTo("01/07/2026 12:00:00");
		assertThat(f.duration(java.sql.Timestamp.valueOf(local), local.plusSeconds(75))).isEqualTo("1 min 15 s");
		assertThat(f.duration(null, null)).isEqualTo("–");
		assertThat(f.bytes(512L)).isEqualTo("512 o");
		assertThat(f.bytes(1536L)).isEqualTo("1,5 Kio");
		assertThat(f.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3,0 Gio");
		assertThat(f.number(1234567L)).isEqualTo(String.format(java.util.Locale.FRANCE, "%,d", 1234567L));
	}

}
