package fr.ptce.observatory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import fr.ptce.observatory.warehouse.PoleValue;

import org.junit.jupiter.api.Test;

/**
 * The lines a partner copies are the bytes the table's own CSV row gives, non-ASCII codes
 * included (char and byte offsets then differ), and poles no partner sees are not
 * encoded.
 */
class CsvLinesTest {

	@Test
	void eachLineIsTheRowAsTheTableWritesIt() {
		List<PoleValue> values = List.of(new PoleValue("PTCE-0001", "JOBS_FTE", 12.5, false, 4),
				new PoleValue("PTCE-0002", "JOBS_FTE", 3, true, 0),
				new PoleValue("PTCE-Ü€𝄞", "ÉNERGIE,X", 1e-7, false, 2),
				new PoleValue("PTCE-0004", "MEMBERS_TOTAL", 1250000, false, 4));
		PoleAudiences audiences = new PoleAudiences(
				List.of(Set.of("PTCE-0001", "PTCE-Ü€𝄞"), Set.of("PTCE-0004", "PTCE-Ü€𝄞")));
		CsvLines lines = CsvLines.of(2025, values, audiences);

		assertThat(line(lines, 0)).isEqualTo("2025,PTCE-0001,JOBS_FTE,12.5,false,4\n");
		assertThat(line(lines, 1)).isEmpty();
		assertThat(line(lines, 2)).isEqualTo("2025,PTCE-Ü€𝄞,\"ÉNERGIE,X\",0.0000001,false,2\n");
		assertThat(line(lines, 3)).isEqualTo("2025,PTCE-0004,MEMBERS_TOTAL,1250000,false,4\n");
		// each partner finds its own poles through the lines' audiences
		boolean[] first = audiences.seenBy(0);
		boolean[] second = audiences.seenBy(1);
		assertThat(List.of(first[lines.audience(0)], first[lines.audience(1)], first[lines.audience(2)],
				first[lines.audience(3)]))
			.containsExactly(true, false, true, false);
		assertThat(List.of(second[lines.audience(0)], second[lines.audience(1)], second[lines.audience(2)],
				second[lines.audience(3)]))
			.containsExactly(false, false, true, true);
	}

	private static String line(CsvLines lines, int i) {
		byte[] b = Arrays.copyOfRange(lines.bytes(), lines.start(i), lines.start(i) + lines.length(i));
		return new String(b, StandardCharsets.UTF_8);
	}

}
