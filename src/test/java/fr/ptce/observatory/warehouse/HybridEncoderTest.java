package fr.ptce.observatory.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/**
 * The bytes {@link HybridEncoder} writes, byte for byte, after parquet-java's
 * TestRunLengthBitPackingHybridEncoder: the run headers (a varint of the run length
 * shifted left, low bit 1 for bit-packed runs, counted in groups of 8 values), the value
 * of an RLE run on whole bytes, bit-packed values LSB first. Each case is also decoded
 * back with parquet-java's decoder.
 */
class HybridEncoderTest {

	@Test
	void runsOfEightOrMoreAreRleRunsWithTheValueOnWholeBytes() throws IOException {
		int[] values = concat(repeat(4, 100), repeat(5, 100));

		// header 100 << 1 = 200 = varint C8 01, then the value on one byte (bit width 3)
		assertThat(encode(values, 3)).containsExactly(0xC8, 0x01, 0x04, 0xC8, 0x01, 0x05);
	}

	@Test
	void anRleValueTakesAsManyBytesAsItsBitWidthNeedsAndBitWidthZeroNone() throws IOException {
		assertThat(encode(repeat(300, 10), 9)).containsExactly(0x14, 0x2C, 0x01);
		assertThat(encode(repeat(0, 10), 0)).containsExactly(0x14);
	}

	@Test
	void aLongRunHasAMultiByteVarintHeader() throws IOException {
		// 20,000 << 1 = 40,000 = 0x9C40: 7 bits at a time, low first, high bit set on all
		// but the last byte
		assertThat(encode(repeat(1, 20_000), 1)).containsExactly(0xC0, 0xB8, 0x02, 0x01);
	}

	@Test
	void valuesWithoutRunsAreBitPackedInGroupsOfEightLsbFirst() throws IOException {
		int[] values = { 0, 1, 2, 0, 1, 2, 0, 1 };

		// header (1 group << 1) | 1 = 3; 0|1<<2|2<<4|0<<6 = 0x24, 1|2<<2|0<<4|1<<6 = 0x49
		assertThat(encode(values, 2)).containsExactly(0x03, 0x24, 0x49);
	}

	@Test
	void theLastGroupIsPaddedWithZeros() throws IOException {
		// 3 values, one group of 8: 1|1<<2|1<<4 = 0x15, then zeros
		assertThat(encode(new int[] { 1, 1, 1 }, 2)).containsExactly(0x03, 0x15, 0x00);
	}

	@Test
	void aBitPackedRunHoldsAtMost63GroupsSoThatItsHeaderIsOneByte() throws IOException {
		// 1,000 values without a run: 125 groups, as 63 groups (504 values) then 62 (496
		// values)
		int[] values = IntStream.range(0, 1000).map(i -> i % 3).toArray();
		byte[] bytes = encode(values, 2);

		// at bit width 2 the pattern 0 1 2 repeats every 12 values, 3 bytes: 24 49 92
		assertThat(bytes).hasSize(1 + 126 + 1 + 124);
		assertThat(bytes[0] & 0xFF).isEqualTo((63 << 1) | 1).isEqualTo(0x7F);
		assertThat(Arrays.copyOfRange(bytes, 1, 127)).isEqualTo(pattern(126, 0x24, 0x49, 0x92));
		assertThat(bytes[127] & 0xFF).isEqualTo((62 << 1) | 1).isEqualTo(0x7D);
		assertThat(Arrays.copyOfRange(bytes, 128, 252)).isEqualTo(pattern(124, 0x24, 0x49, 0x92));
	}

	@Test
	void exactly63GroupsAreOneRunAnd64AreTwo() throws IOException {
		int[] alternating = IntStream.range(0, 64 * 8).map(i -> i & 1).toArray();

		byte[] one = encode(Arrays.copyOf(alternating, 63 * 8), 1);
		assertThat(one).hasSize(1 + 63);
		assertThat(one[0] & 0xFF).isEqualTo(0x7F);
		byte[] two = encode(alternating, 1);
		// bit width 1: 0 1 0 1 0 1 0 1 is 0b10101010 = 0xAA
		assertThat(two).hasSize(1 + 63 + 1 + 1);
		assertThat(two[64] & 0xFF).isEqualTo(0x03);
		assertThat(two[65] & 0xFF).isEqualTo(0xAA);
	}

	@Test
	void aRunAfterBitPackedValuesLendsItsFirstValuesToCompleteTheGroupThenIsRle() throws IOException {
		// 5 values, then 103 times 2: the group of 8 takes three 2s, the other 100 are
		// one RLE run
		int[] values = concat(new int[] { 0, 1, 0, 1, 0 }, repeat(2, 103));

		// 0|1<<2|0<<4|1<<6 = 0x44, 0|2<<2|2<<4|2<<6 = 0xA8; then 100 << 1 = C8 01 and the
		// value
		assertThat(encode(values, 2)).containsExactly(0x03, 0x44, 0xA8, 0xC8, 0x01, 0x02);
	}

	@Test
	void aRunLeftShorterThanEightByTheGroupItCompletesStaysBitPacked() throws IOException {
		// 5 values, then 10 times 2: 3 go to the first group, 7 are left, too few for a
		// run
		int[] values = concat(new int[] { 0, 1, 0, 1, 0 }, repeat(2, 10));

		// two groups: 44 A8, then 2 2 2 2 = 0xAA and 2 2 2 padded with a zero = 0x2A
		assertThat(encode(values, 2)).containsExactly(0x05, 0x44, 0xA8, 0xAA, 0x2A);
	}

	@Test
	void aRunRightAfterAWholeNumberOfGroupsNeedsNoPadding() throws IOException {
		// 8 values then 8 equal ones: one group, then an RLE run of 8
		int[] values = concat(new int[] { 1, 0, 1, 0, 1, 0, 1, 0 }, repeat(1, 8));

		// bit width 1: 1 0 1 0 1 0 1 0 is 0b01010101 = 0x55
		assertThat(encode(values, 1)).containsExactly(0x03, 0x55, 0x10, 0x01);
	}

	@Test
	void onlyTheRangeAskedForIsEncodedAfterWhatTheBufferHolds() throws IOException {
		PageBuffer out = new PageBuffer(4);
		out.write(0xAB);
		HybridEncoder.encode(concat(new int[] { 9, 9 }, repeat(3, 8), new int[] { 9 }), 2, 10, 2, out);

		assertThat(Arrays.copyOf(out.bytes, out.size)).containsExactly(0xAB, 0x10, 0x03);
	}

	/** The encoding of {@code values}, checked against parquet-java's decoder. */
	private static byte[] encode(int[] values, int bitWidth) throws IOException {
		PageBuffer out = new PageBuffer(16);
		HybridEncoder.encode(values, 0, values.length, bitWidth, out);
		byte[] bytes = Arrays.copyOf(out.bytes, out.size);
		RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
				new ByteArrayInputStream(bytes));
		for (int i = 0; i < values.length; i++) {
			assertThat(decoder.readInt()).as("value %d", i).isEqualTo(values[i]);
		}
		return bytes;
	}

	private static int[] repeat(int value, int count) {
		int[] values = new int[count];
		Arrays.fill(values, value);
		return values;
	}

	private static int[] concat(int[]... parts) {
		return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
	}

	private static byte[] pattern(int length, int... bytes) {
		byte[] b = new byte[length];
		for (int i = 0; i < length; i++) {
			b[i] = (byte) bytes[i % bytes.length];
		}
		return b;
	}

}
