package fr.ptce.observatory.ingest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Merges issue sources, each in line order, into one stream in line order; on one line,
 * the issues of an earlier source come first. That is what a stable sort by line of the
 * sources put end to end gives, so the receipt of a file reads the same as when its
 * warnings were held in a list and sorted, while only one issue per source is in memory
 * at a time.
 */
final class IssueMerge implements Iterator<Issue> {

	/** A source of issues in line order; null at the end. */
	interface Source extends AutoCloseable {

		Issue next();

		@Override
		default void close() {
		}

		static Source of(Spool spool) {
			if (spool.records() == 0) {
				// most files have no issue of a kind: a reader's buffer is a megabyte,
				// allocated for nothing
				return () -> null;
			}
			Spool.Reader in = spool.read();
			return new Source() {

				@Override
				public Issue next() {
					return in.nextIssue();
				}

				@Override
				public void close() {
					in.close();
				}
			};
		}

		static Source of(Iterable<Issue> issues) {
			Iterator<Issue> it = issues.iterator();
			return () -> it.hasNext() ? it.next() : null;
		}

	}

	private final List<Source> sources;

	/** The next issue of each source, null once it is exhausted. */
	private final Issue[] heads;

	private boolean closed;

	IssueMerge(List<Source> sources) {
		this.sources = sources;
		this.heads = new Issue[sources.size()];
		for (int s = 0; s < heads.length; s++) {
			heads[s] = sources.get(s).next();
		}
	}

	@Override
	public boolean hasNext() {
		for (Issue head : heads) {
			if (head != null) {
				return true;
			}
		}
		close();
		return false;
	}

	@Override
	public Issue next() {
		int best = -1;
		for (int s = 0; s < heads.length; s++) {
			// strictly lower line only: on a tie the earlier source keeps its place
			if (heads[s] != null && (best < 0 || heads[s].line() < heads[best].line())) {
				best = s;
			}
		}
		if (best < 0) {
			throw new NoSuchElementException();
		}
		Issue issue = heads[best];
		heads[best] = sources.get(best).next();
		return issue;
	}

	/**
	 * Closes every source (done at the end of the stream; callers that stop early call
	 * it).
	 */
	void close() {
		if (closed) {
			return;
		}
		closed = true;
		for (Source source : sources) {
			source.close();
		}
	}

}
