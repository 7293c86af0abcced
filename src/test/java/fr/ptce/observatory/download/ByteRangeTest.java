package fr.ptce.observatory.download;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range headers against a file of 100 bytes (RFC 9110 section 14.1.2), and the edges:
 * empty files, huge numbers.
 */
class ByteRangeTest {

	static ByteRange r(String header) {
		return ByteRange.parse(header, 100);
	}

	@Test
	void singleRangesInTheirThreeForms() {
		assertThat(r("bytes=0-9")).isEqualTo(new ByteRange(ByteRange.Kind.PARTIAL, 0, 9));
		assertThat(r("bytes=90-")).isEqualTo(new ByteRange(ByteRange.Kind.PARTIAL, 90, 99));
		assertThat(r("bytes=-10")).isEqualTo(new ByteRange(ByteRange.Kind.PARTIAL, 90, 99));
		assertThat(r("BYTES=95-200").contentRange(100)).isEqualTo("bytes 95-99/100");
		assertThat(r("bytes=-500")).isEqualTo(new ByteRange(ByteRange.Kind.PARTIAL, 0, 99));
		assertThat(r("bytes=99-99").length()).isEqualTo(1);
	}

	@Test
	void unsatisfiableRanges() {
		assertThat(r("bytes=100-").kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
		assertThat(r("bytes=100-150").kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
		assertThat(r("bytes=-0").kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
		assertThat(r("bytes=100-").contentRange(100)).isEqualTo("bytes */100");
		assertThat(ByteRange.parse("bytes=0-", 0).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
	}

	@Test
	void whatTheServerMayIgnoreGivesTheWholeFile() {
		for (String header : new String[] { null, "bytes=0-1,5-6", "bytes=9-2", "items=0-9", "bytes=-", "bytes=a-b",
				"bytes=99999999999999999999-", "bytes 0-9" }) {
			assertThat(r(header).kind()).as(String.valueOf(header)).isEqualTo(ByteRange.Kind.WHOLE);
			assertThat(r(header).length()).isEqualTo(100);
		}
	}

}
