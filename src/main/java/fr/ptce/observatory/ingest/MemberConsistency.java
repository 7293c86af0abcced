package fr.ptce.observatory.ingest;

import static fr.ptce.observatory.ingest.SubmissionValidation.MEMBER_CODES;
import static fr.ptce.observatory.ingest.SubmissionValidation.TOTAL;
import static fr.ptce.observatory.ingest.SubmissionValidation.VOTERS;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import fr.ptce.observatory.referential.Registry;

/**
 * The cross-row warnings of a file: INCONSISTENT_MEMBERS (on the MEMBERS_TOTAL row) and
 * INCONSISTENT_VOTERS (on the GOV_VOTERS row), over the values the file gives for one
 * pole and period (kept in {@link SubmissionValidation.Buffers} while its rows are
 * validated). The categories present are added up: a sum that already exceeds the total
 * is inconsistent whatever the missing ones are.
 * <p>
 * A file can have one per pole and period, so only their line, period and kind are held,
 * one long each (less than the member buffers already hold per period), and each warning
 * is made when iterated, in line order.
 */
final class MemberConsistency {

	private final SubmissionValidation.Buffers buffers;

	private final Registry registry;

	MemberConsistency(SubmissionValidation.Buffers buffers, Registry registry) {
		this.buffers = buffers;
		this.registry = registry;
	}

	/** The warnings found, packed (line, period, kind), in line order; computed once. */
	private long[] found;

	private int count;

	/** The warnings in line order, made when iterated (each time). */
	Iterable<Issue> warnings() {
		find();
		long[] sorted = found;
		int size = count;
		return () -> new Iterator<>() {

			private int i;

			@Override
			public boolean hasNext() {
				return i < size;
			}

			@Override
			public Issue next() {
				if (i >= size) {
					throw new NoSuchElementException();
				}
				return warning(sorted[i++]);
			}
		};
	}

	/**
	 * The lines of the warnings, in order (for counting the rows with a warning without
	 * making the warnings).
	 */
	long[] lines() {
		find();
		long[] lines = new long[count];
		for (int i = 0; i < count; i++) {
			lines[i] = found[i] >>> 32;
		}
		return lines;
	}

	private void find() {
		if (found != null) {
			return;
		}
		found = new long[16];
		int n = MEMBER_CODES.length;
		for (int p = buffers.touchedPeriods.nextSetBit(0); p >= 0; p = buffers.touchedPeriods.nextSetBit(p + 1)) {
			double total = buffers.members[p * n + TOTAL];
			if (Double.isNaN(total)) {
				continue;
			}
			double parts = parts(p);
			double voters = buffers.members[p * n + VOTERS];
			if (count + 2 > found.length) {
				found = Arrays.copyOf(found, found.length * 2);
			}
			if (parts > total) {
				found[count++] = pack(buffers.memberLines[p * n + TOTAL], p, 0);
			}
			if (!Double.isNaN(voters) && voters > total) {
				found[count++] = pack(buffers.memberLines[p * n + VOTERS], p, 1);
			}
		}
		// line first: the order of the receipt; then period and kind, the order they were
		// once listed in
		Arrays.sort(found, 0, count);
	}

	/**
	 * The sum of the member categories present for the period, NaN when none is (nothing
	 * to compare).
	 */
	private double parts(int period) {
		int n = MEMBER_CODES.length;
		double parts = Double.NaN;
		for (int s = 1; s <= 4; s++) {
			double v = buffers.members[period * n + s];
			if (!Double.isNaN(v)) {
				parts = Double.isNaN(parts) ? v : parts + v;
			}
		}
		return parts;
	}

	/**
	 * Lines are at most Integer.MAX_VALUE (see memberLines), periods are below 2^31, kind
	 * is 0 or 1.
	 */
	private static long pack(int line, int period, int kind) {
		return (long) line << 32 | (long) period << 1 | kind;
	}

	private Issue warning(long packed) {
		int line = (int) (packed >>> 32);
		int p = (int) ((packed & 0xFFFFFFFFL) >>> 1);
		int n = MEMBER_CODES.length;
		double total = buffers.members[p * n + TOTAL];
		String poleId = registry.poles().get(p / 5 / years()).id();
		String periodCode = periodCode(p);
		if ((packed & 1) == 0) {
			return Messages.inconsistentMembers(line, poleId, periodCode, parts(p), total);
		}
		return Messages.inconsistentVoters(line, poleId, periodCode, buffers.members[p * n + VOTERS], total);
	}

	private int years() {
		return buffers.keys.lastYear() - buffers.keys.firstYear() + 1;
	}

	private String periodCode(int period) {
		int quarter = period % 5;
		int year = buffers.keys.firstYear() + (period / 5) % years();
		return new Period(year, quarter).code();
	}

}
