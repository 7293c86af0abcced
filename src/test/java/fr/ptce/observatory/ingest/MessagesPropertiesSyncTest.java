package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Keeps messages_fr.properties and messages_en.properties in step, after
 * spring-petclinic's I18nPropertiesSyncTest: the same keys in both, the same argument
 * places in each pair of texts, valid UTF-8; and every text Messages asks for exists,
 * with each place filled.
 */
class MessagesPropertiesSyncTest {

	@Test
	void bothLanguagesHaveTheSameKeys() {
		Set<String> fr = new TreeSet<>(MessageTexts.FR.keys());
		Set<String> en = new TreeSet<>(MessageTexts.EN.keys());

		assertThat(missing(fr, en)).as("keys of messages_fr.properties missing from messages_en.properties").isEmpty();
		assertThat(missing(en, fr)).as("keys of messages_en.properties missing from messages_fr.properties").isEmpty();
		assertThat(fr).hasSizeGreaterThan(30);
	}

	@Test
	void eachTextHasTheSameArgumentPlacesInBothLanguages() {
		for (String key : MessageTexts.FR.keys()) {
			int[] fr = MessageTexts.FR.template(key).args().clone();
			int[] en = MessageTexts.EN.template(key).args().clone();
			Arrays.sort(fr);
			Arrays.sort(en);
			assertThat(en).as("argument places of %s (fr %s)", key, Arrays.toString(fr)).isEqualTo(fr);
		}
	}

	@Test
	void theFilesAreValidUtf8() throws IOException {
		for (String language : List.of("fr", "en")) {
			try (InputStream in = getClass().getResourceAsStream("/messages_" + language + ".properties")) {
				byte[] bytes = in.readAllBytes();
				try {
					StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
				}
				catch (CharacterCodingException ex) {
					throw new AssertionError("messages_" + language + ".properties is not UTF-8", ex);
				}
			}
		}
	}

	@Test
	void everyIssueHasBothTextsWithEveryPlaceFilled() {
		Period quarter = Period.parse("2024-Q3");
		List<Issue> issues = List.of(Messages.fieldCount(3, 5, 7), Messages.openQuote(4), Messages.unreadableRest(5),
				Messages.missingField(6, "value"), Messages.missingField(6, "pole_id"),
				Messages.unknownPole(7, "PTCE-9999"), Messages.badPeriod(8, "T5 2024"),
				Messages.poleInactive(9, "PTCE-0001", quarter, 2019, null),
				Messages.poleInactive(9, "PTCE-0001", quarter, 2019, 2022),
				Messages.futurePeriod(10, quarter, LocalDate.of(2024, 8, 1)), Messages.unknownIndicator(11, "X"),
				Messages.badStatus(12, "X"), Messages.missingWithValue(13, "1"), Messages.notANumber(14, "a", true),
				Messages.notANumber(14, "a", false), Messages.unitMismatch(15, "kg", "JOBS_FTE", "ETP"),
				Messages.notInteger(16, "2.5", "MEMBERS_TOTAL"), Messages.outOfRange(17, -1.5, "JOBS_FTE", 0, 1e7),
				Messages.duplicateInFile(18, "PTCE-0001", "2024", "JOBS_FTE"),
				Messages.inconsistentMembers(19, "PTCE-0001", "2024", 12.5, 10),
				Messages.inconsistentVoters(20, "PTCE-0001", "2024", 30, 20),
				Messages.suspiciousJump(21, "JOBS_FTE", "2024", 1000, "2023", 3.5), Messages.commentTruncated(22, 812),
				Messages.unknownColumn(1, "notes"), Messages.duplicateColumn(1, "value"));
		List<String> texts = new ArrayList<>();
		for (Issue issue : issues) {
			texts.add(issue.messageFr());
			texts.add(issue.messageEn());
		}
		for (String reason : List.of("MISSING_COLUMN:period", "NOT_CSV", "EMPTY_FILE")) {
			texts.add(Messages.fileReasonFr(reason));
			texts.add(Messages.fileReasonEn(reason));
		}
		texts.add(Messages.quarantinedFr(0.3, 1, 2));
		texts.add(Messages.quarantinedEn(0.3, 1, 2));

		assertThat(texts).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(10).doesNotContain("{", "}"));
		assertThat(issues.get(7).messageFr()).contains("depuis 2019");
		assertThat(issues.get(8).messageEn()).contains("from 2019 to 2022");
		assertThat(Messages.quarantinedFr(0.125, 1, 2)).startsWith("Plus de 12,5 % des lignes");
		assertThat(Messages.quarantinedEn(0.5, 1, 2)).startsWith("More than half of the rows");
		assertThat(Messages.fileReasonEn("OTHER")).isEqualTo("OTHER");
	}

	private static Set<String> missing(Set<String> from, Set<String> in) {
		Set<String> missing = new TreeSet<>(from);
		missing.removeAll(in);
		return missing;
	}

}
