package fr.ptce.observatory.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * veraPDF, the reference validator of the PDF Association, run in the test's JVM: the
 * failed checks of a PDF against a profile (PDF/UA-1, PDF/A-2a), each as "clause-test
 * (count): first message", so that a failure says what to fix.
 */
final class VeraPdf {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private VeraPdf() {
	}

	/** The failed checks of the PDF against the profile; empty when the PDF complies. */
	static List<String> failures(Path pdf, PDFAFlavour flavour) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), flavour)) {
			PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
			ValidationResult result = validator.validate(parser);
			Map<String, String> firstMessage = new TreeMap<>();
			Map<String, Integer> counts = new TreeMap<>();
			for (TestAssertion a : result.getTestAssertions()) {
				if (a.getStatus() == TestAssertion.Status.FAILED) {
					String key = key(a.getRuleId());
					counts.merge(key, 1, Integer::sum);
					firstMessage.putIfAbsent(key, a.getMessage() + " at " + a.getLocation().getContext());
				}
			}
			for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
				counts.merge(key(e.getKey()), 0, Integer::sum);
			}
			List<String> out = new ArrayList<>();
			counts.forEach((k, n) -> out.add(k + " (" + n + "): " + firstMessage.get(k)));
			return out;
		}
	}

	private static String key(RuleId id) {
		return id.getSpecification() + " " + id.getClause() + "-" + id.getTestNumber();
	}

}
