package fr.ptce.observatory.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of a file's issue sources gives the order the receipt had when the warnings
 * were held in a list and stable-sorted by line, then merged with the errors: by line,
 * and on one line in the order of the sources.
 */
class IssueMergeTest {

	@TempDir
	Path dir;

	static Issue issue(long line, String code) {
		return new Issue(line, code.startsWith("E") ? Issue.Severity.ERROR : Issue.Severity.WARNING, code, null,
				code + " fr", code + " en");
	}

	@Test
	void issuesComeByLineAndOnOneLineInTheOrderOfTheirSources() {
		// given errors and warnings spooled, and warnings in memory, with lines shared
		// between sources
		try (Spool errors = new Spool(dir.resolve("errors")); Spool warnings = new Spool(dir.resolve("warnings"))) {
			errors.reset();
			warnings.reset();
			errors.write(issue(3, "E3"));
			errors.write(issue(5, "E5"));
			warnings.write(issue(2, "W2"));
			warnings.write(issue(3, "W3"));
			warnings.write(issue(3, "W3b"));
			warnings.write(issue(7, "W7"));
			List<Issue> later = List.of(issue(3, "J3"), issue(4, "J4"), issue(7, "J7"));

			// when they are merged, twice (a receipt is written as JSON, then as CSV)
			for (int pass = 0; pass < 2; pass++) {
				IssueMerge merge = new IssueMerge(
						List.of(IssueMerge.Source.of(errors), IssueMerge.Source.of(List.of(issue(1, "H1"))),
								IssueMerge.Source.of(warnings), IssueMerge.Source.of(later)));
				List<String> codes = new ArrayList<>();
				merge.forEachRemaining(i -> codes.add(i.code()));

				// then by line; on line 3 the error, then the spooled warnings in their
				// order, then the later one
				assertThat(codes).containsExactly("H1", "W2", "E3", "W3", "W3b", "J3", "J4", "E5", "W7", "J7");
				assertThat(merge.hasNext()).isFalse();
			}
		}
	}

}
