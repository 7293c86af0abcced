package fr.ptce.observatory.referential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** registry.md: what a pole is, and a bad registry stopping with its line and reason. */
class RegistryTest {

	static final GeoReferential GEO = GeoReferential.bundled();

	static final String HEADER = "pole_id,name,commune,created,closed,legal_form,theme,networks,epci,open_data\n";

	static final String GOOD = "PTCE-0001,Pôle A,75056,2015,,association,CULTURE,RTES|MES,,yes\n";

	static Registry read(String content) {
		return Registry.read("registry.csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), GEO);
	}

	@Test
	void poleGetsItsDepartmentRegionAndEpciFromItsCommune() {
		Registry registry = read(
				HEADER + GOOD + "ptce-0002,Pôle B,2A004,2012,2020,scic,ENERGIE,,200000172|200000438,no\n");
		Pole paris = registry.find("ptce-0001");
		assertThat(paris.departement()).isEqualTo("75");
		assertThat(paris.region()).isEqualTo("11");
		assertThat(paris.networks()).containsExactly("RTES", "MES");
		assertThat(paris.epci()).containsExactly(GEO.commune("75056").epci());
		Pole ajaccio = registry.find("PTCE-0002");
		assertThat(ajaccio.region()).isEqualTo("94");
		assertThat(ajaccio.epci()).containsExactly("200000172", "200000438");
		assertThat(ajaccio.isExpected(2011)).isFalse();
		assertThat(ajaccio.isExpected(2012)).isTrue();
		assertThat(ajaccio.isExpected(2020)).isTrue();
		assertThat(ajaccio.isExpected(2021)).isFalse();
		assertThat(registry.sha256()).hasSize(64);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '#', value = {
			"PTCE-0002,Pôle B,99999,2015,,association,CULTURE,,,yes#line 3: unknown commune '99999'",
			"PTCE-0001,Pôle B,75056,2015,,association,CULTURE,,,yes#line 3: duplicate pole_id PTCE-0001 (first on line 2)",
			"PTCE-0002,Pôle B,75056,2015,,association,SPORT,,,yes#line 3: unknown theme 'SPORT'",
			"PTCE-0002,Pôle B,75056,2015,,association,CULTURE,RTES|UNKNOWN,,yes#line 3: unknown network 'UNKNOWN'",
			"PTCE-0002,Pôle B,75056,2015,,sarl,CULTURE,,,yes#line 3: unknown legal_form 'sarl'",
			"PTCE-0002,Pôle B,75056,2015,2010,association,CULTURE,,,yes#line 3: closed 2010 is before created 2015",
			"PTCE-2,Pôle B,75056,2015,,association,CULTURE,,,yes#line 3: pole_id 'PTCE-2' is not PTCE- followed by four digits",
			"PTCE-0002,Pôle B,75056,2015,,association,CULTURE,,123,yes#line 3: unknown EPCI '123'",
			"PTCE-0002,Pôle B,75056,2015,,association,CULTURE,,,oui#line 3: open_data 'oui' must be yes or no",
			"PTCE-0002,Pôle B,75056,20x5,,association,CULTURE,,,yes#line 3: created '20x5' is not a year",
			"PTCE-0002,Pôle B,75056,2015,215,association,CULTURE,,,yes#line 3: closed '215' is not a year",
			"PTCE-0002,Pôle B,97502,2015,,association,CULTURE,,,yes#line 3: commune 97502 of PTCE-0002 is outside the 18 regions" })
	void badRegistryStopsWithLineAndReason(String line, String message) {
		assertThatThrownBy(() -> read(HEADER + GOOD + line + "\n")).isInstanceOf(ReferentialException.class)
			.hasMessageStartingWith("registry.csv, " + message);
	}

	@Test
	void listsAreSplitOnBarsUpperCasedWithoutEmptyCodes() {
		assertThat(Registry.split(" rtes | mes |")).containsExactly("RTES", "MES");
		assertThat(Registry.split("A||b")).containsExactly("A", "B");
		assertThat(Registry.split("|")).isEmpty();
		assertThat(Registry.split("")).isEmpty();
	}

	@Test
	void missingColumnIsNamed() {
		assertThatThrownBy(() -> read("pole_id,name\nPTCE-0001,A\n")).hasMessageContaining("'commune' is missing");
	}

	@Test
	void catalogueHasTheSeventeenIndicators() {
		Catalogue catalogue = Catalogue.bundled();
		assertThat(catalogue.size()).isEqualTo(17);
		assertThat(catalogue.find("jobs_fte").kind()).isEqualTo(Indicator.Kind.STOCK);
		assertThat(catalogue.find("TURNOVER").isFlow()).isTrue();
		assertThat(catalogue.find("GOV_MEETINGS").isInteger()).isTrue();
		assertThat(catalogue.find("ESS_SHARE")).isNull();
	}

	@Test
	void populationsOfTheAreas() {
		long regions = GEO.reportedRegions().stream().mapToLong(r -> GEO.population("region", r.code())).sum();
		assertThat(GEO.reportedRegions()).hasSize(18);
		assertThat(GEO.population("national", "FR")).isEqualTo(regions).isGreaterThan(60_000_000);
		assertThat(GEO.population("departement", "75")).isEqualTo(GEO.commune("75056").population());
		assertThat(GEO.population("theme", "CULTURE")).isZero();
	}

}
