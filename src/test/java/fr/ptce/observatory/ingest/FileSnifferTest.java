package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sniffer's fast path over plain ASCII runs gives the facts of the byte-by-byte state
 * machines.
 */
class FileSnifferTest {

	@TempDir
	Path work;

	static final byte[][] PIECES = { "a".getBytes(), "PTCE-0001".getBytes(), ",".getBytes(), ";".getBytes(),
			"\n".getBytes(), "\r\n".getBytes(), "\"".getBytes(), "\"\"".getBytes(), " ".getBytes(),
			"é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8), { (byte) 0xE9 },
			{ (byte) 0x81 }, { 0 }, { (byte) 0xC3 }, { (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80 } };

	@Test
	void sameFactsAsByteByByte() throws Exception {
		Random random = new Random(42);
		for (int round = 0; round < 400; round++) {
			int size = random.nextInt(round < 300 ? 200 : 3_000_000);
			// mostly plain text, with the odd special piece, sometimes none at all
			double special = round % 4 == 0 ? 0 : random.nextDouble() * 0.2;
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			while (out.size() < size) {
				if (random.nextDouble() < special) {
					out.write(PIECES[random.nextInt(PIECES.length)]);
				}
				else {
					out.write(PIECES[random.nextInt(6)]);
				}
			}
			byte[] bytes = out.toByteArray();
			Path file = work.resolve("f" + round + ".csv");
			Files.write(file, bytes);
			FileSniffer.Facts facts = FileSniffer.sniff(file);

			boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF;
			int start = bom ? 3 : 0;
			char delimiter = bytes.length == 0 ? ','
					: FileSniffer.detectDelimiter(bytes, start, Math.min(bytes.length, 1 << 20));
			FileSniffer.Utf8Validator utf8 = new FileSniffer.Utf8Validator();
			FileSniffer.QuoteTracker quotes = new FileSniffer.QuoteTracker((byte) delimiter);
			boolean nul = false;
			boolean cp1252 = true;
			for (int i = start; i < bytes.length; i++) {
				int b = bytes[i] & 0xFF;
				nul |= b == 0;
				cp1252 &= !(b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D);
				utf8.accept(b);
				quotes.accept(b);
			}
			String at = "round " + round;
			assertThat(facts.size()).as(at).isEqualTo(bytes.length);
			assertThat(facts.hasNul()).as(at).isEqualTo(nul);
			assertThat(facts.charset()).as(at)
				.isEqualTo(utf8.isValid() ? StandardCharsets.UTF_8
						: cp1252 ? java.nio.charset.Charset.forName("windows-1252") : null);
			if (bytes.length > 0) {
				assertThat(facts.delimiter()).as(at).isEqualTo(delimiter);
				assertThat(facts.openQuoteAtEnd()).as(at).isEqualTo(quotes.isOpen());
			}
		}
	}

}
