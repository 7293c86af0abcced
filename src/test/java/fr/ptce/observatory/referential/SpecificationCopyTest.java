package fr.ptce.observatory.referential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The specification copied into docs/spec/ and the catalogue the pipeline bundles are the
 * same file: a change of the catalogue made on one side only would publish figures under
 * a contract that does not define them.
 */
class SpecificationCopyTest {

	@Test
	void theBundledCatalogueIsTheSpecificationsCatalogue() throws Exception {
		byte[] spec = Files.readAllBytes(Path.of("docs", "spec", "indicators.csv"));
		byte[] bundled = Files.readAllBytes(Path.of("src", "main", "resources", "referential", "indicators.csv"));
		assertThat(bundled).isEqualTo(spec);
		assertThat(Catalogue.bundled().indicators()).hasSizeGreaterThan(10);
	}

	@Test
	void everyDocumentOfTheSpecificationIsInTheRepository() {
		for (String name : new String[] { "submission-format.md", "registry.md", "methodology.md", "interfaces.md",
				"extracts.md", "indicators.csv" }) {
			assertThat(Path.of("docs", "spec", name)).isRegularFile().isNotEmptyFile();
		}
	}

}
