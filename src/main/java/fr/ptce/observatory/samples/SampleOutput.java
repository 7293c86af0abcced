package fr.ptce.observatory.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.samples.Draft.Expect;

/**
 * Where the samples go and what was written so far: the submission files, the expected
 * receipts and issues, and the counts and cases the README reports.
 */
final class SampleOutput {

	private final Path submissions;

	private final Writer receipts;

	private final Writer issues;

	long files;

	long rows;

	long bytes;

	final Map<String, Integer> filesByStyle = new LinkedHashMap<>();

	final List<SampleGenerator.StoryFile> storyFiles = new ArrayList<>();

	final Map<String, List<String>> imputationCases = new LinkedHashMap<>();

	long revisionFiles;

	long unknownColumnFiles;

	SampleOutput(Path submissions, Writer receipts, Writer issues) {
		this.submissions = submissions;
		this.receipts = receipts;
		this.issues = issues;
	}

	void writeFile(String name, byte[] content) throws IOException {
		Files.write(submissions.resolve(name), content);
		files++;
		bytes += content.length;
	}

	void receipt(String file, String status, String reason, String read, String accepted, String rejected, String story)
			throws IOException {
		receipts.write(String.join(",", file, status, reason, read, accepted, rejected, story == null ? "" : story));
		receipts.write('\n');
	}

	void issue(String file, long line, Expect e, String story) throws IOException {
		issues.write(String.join(",", file, Long.toString(line), e.severity(), e.code(), e.column(),
				story == null ? "" : story));
		issues.write('\n');
	}

	void imputation(Story story, String text) {
		imputationCases.computeIfAbsent(story.name(), k -> new ArrayList<>()).add(text);
	}

}
