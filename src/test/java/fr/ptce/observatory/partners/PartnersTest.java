package fr.ptce.observatory.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.ReferentialException;
import fr.ptce.observatory.referential.Registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * extracts.md, "Partners": the partners file checked whole, with the line and the reason
 * of what is wrong.
 */
class PartnersTest {

	static final String HEADER = "partner,name,networks,contact\n";

	static final String GOOD = "RTES,Réseau,RTES|mes,contact@rtes.example\n";

	static Partners read(String content) {
		return Partners.read("partners.csv", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aGoodFileGivesItsPartnersInFileOrder() {
		Partners partners = read(HEADER + GOOD + "AGGREGATES_ONLY,Sans réseau,,\n");
		assertThat(partners.all()).extracting(Partner::code).containsExactly("RTES", "AGGREGATES_ONLY");
		assertThat(partners.find("RTES").networks()).containsExactly("RTES", "MES");
		assertThat(partners.find("RTES").contact()).isEqualTo("contact@rtes.example");
		assertThat(partners.find("AGGREGATES_ONLY").networks()).isEmpty();
		assertThat(partners.find("AGGREGATES_ONLY").hasContact()).isFalse();
		assertThat(partners.find("NOBODY")).isNull();
		assertThat(partners.sha256()).hasSize(64);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '#', value = {
			"RTES,Autre,RTES,a@b.example#line 3: duplicate partner RTES (first on line 2)",
			"rtes2,Autre,RTES,a@b.example#line 3: partner 'rtes2' is not a code of upper-case letters, digits and _",
			"MES-FR,Autre,MES,a@b.example#line 3: partner 'MES-FR' is not a code",
			"MES,Autre,MES|UNKNOWN,a@b.example#line 3: unknown network 'UNKNOWN'",
			"MES,Autre,MES,not an address#line 3: contact 'not an address' of MES is not an e-mail address",
			"MES,Autre,MES,someone@localhost#line 3: contact 'someone@localhost' of MES is not an e-mail address",
			"MES,Autre,MES,a@b.example;c@d.example#line 3: contact 'a@b.example;c@d.example' of MES is not an e-mail",
			"MES,,MES,a@b.example#line 3: empty name for partner MES" })
	void aBadFileStopsWithLineAndReason(String line, String message) {
		assertThatThrownBy(() -> read(HEADER + GOOD + line + "\n")).isInstanceOf(ReferentialException.class)
			.hasMessageStartingWith("partners.csv, " + message);
	}

	@Test
	void aMissingColumnOrAShortRowIsNamed() {
		assertThatThrownBy(() -> read("partner,name,networks\nRTES,R,RTES\n"))
			.hasMessageContaining("partners.csv, line 1: the column 'contact' is missing");
		assertThatThrownBy(() -> read(HEADER + "RTES,R,RTES\n"))
			.hasMessageContaining("line 2: 3 fields where the header has 4");
	}

	@Test
	void aBadFileOnDiskNamesTheFileAndLoadsNothing(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("partners.csv");
		Files.writeString(file, HEADER + GOOD + "MES,M,MES,x\n");
		assertThatThrownBy(() -> Partners.load(file)).hasMessageStartingWith(file + ", line 3: contact 'x'");
		assertThatThrownBy(() -> Partners.load(dir.resolve("none.csv"))).hasMessageContaining("does not exist");
	}

	@Test
	void theBundledFileHasOnePartnerPerNetworkWithAFictionalContact() {
		Partners bundled = Partners.bundled();
		assertThat(bundled.all()).extracting(Partner::code).containsExactlyElementsOf(Registry.NETWORKS);
		for (Partner partner : bundled.all()) {
			assertThat(partner.networks()).containsExactly(partner.code());
			assertThat(partner.contact()).endsWith(".example");
		}
	}

	@Test
	void aPartnerSeesAPoleOnlyWhenItIsAMemberOfOneOfItsNetworksAndAgreedToOpenData() {
		Partner partner = new Partner("P", "P", List.of("RTES", "MES"), "");
		assertThat(partner.maySee(pole(List.of("MES"), true))).isTrue();
		assertThat(partner.maySee(pole(List.of("COORACE", "RTES"), true))).isTrue();
		assertThat(partner.maySee(pole(List.of("MES"), false))).as("member without consent").isFalse();
		assertThat(partner.maySee(pole(List.of("COORACE"), true))).as("consent, not a member").isFalse();
		assertThat(partner.maySee(pole(List.of(), true))).isFalse();
		assertThat(new Partner("A", "A", List.of(), "").maySee(pole(List.of("MES"), true))).isFalse();
	}

	private static Pole pole(List<String> networks, boolean openData) {
		return new Pole(0, "PTCE-0001", "Pôle", "75056", "75", "11", 2015, null, "association", "CULTURE", networks,
				List.of(), openData);
	}

}
