package fr.ptce.observatory.warehouse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array the pages of {@link ObservationFile} are assembled in, kept from
 * one page and one row group to the next: writing a page allocates nothing once the
 * buffer has grown to the largest page. Numbers are little-endian, as Parquet's PLAIN
 * encoding wants them.
 */
final class PageBuffer {

	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	byte[] bytes;

	int size;

	PageBuffer(int capacity) {
		bytes = new byte[capacity];
	}

	void reset() {
		size = 0;
	}

	/** Makes room for {@code more} bytes after the current end. */
	void ensure(int more) {
		int needed = size + more;
		if (needed < 0) {
			throw new IllegalStateException("page larger than 2 GB");
		}
		if (needed > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L)));
		}
	}

	void write(int b) {
		ensure(1);
		bytes[size++] = (byte) b;
	}

	void writeIntLE(int v) {
		ensure(4);
		INT.set(bytes, size, v);
		size += 4;
	}

	void putIntLE(int at, int v) {
		INT.set(bytes, at, v);
	}

	void writeLongLE(long v) {
		ensure(8);
		LONG.set(bytes, size, v);
		size += 8;
	}

	/** The caller made room with {@link #ensure(int)}. */
	void putLongLE(long v) {
		LONG.set(bytes, size, v);
		size += 8;
	}

	void writeBytes(byte[] b) {
		ensure(b.length);
		System.arraycopy(b, 0, bytes, size, b.length);
		size += b.length;
	}

	/**
	 * ULEB128, the varint of the RLE/bit-packing hybrid's run headers; the caller made
	 * room (5 bytes).
	 */
	void putVarInt(int v) {
		while ((v & ~0x7F) != 0) {
			bytes[size++] = (byte) ((v & 0x7F) | 0x80);
			v >>>= 7;
		}
		bytes[size++] = (byte) v;
	}

}
