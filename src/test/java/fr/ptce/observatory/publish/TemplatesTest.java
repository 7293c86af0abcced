package fr.ptce.observatory.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperReport;

class TemplatesTest {

	private static byte[] resource(String name) throws Exception {
		try (InputStream in = TemplatesTest.class.getResourceAsStream("templates/" + name)) {
			return in.readAllBytes();
		}
	}

	@Test
	void anExpressionThatDoesNotCompileIsReportedWithTheTemplateAndItsLine() throws Exception {
		// given a template whose line 5 calls a method String does not have
		byte[] jrxml = resource("bad-expression.jrxml");
		// when compiled, then the error names the template and the line of the expression
		assertThatThrownBy(() -> Templates.compile("bad-expression", jrxml))
			.isInstanceOf(Templates.TemplateException.class)
			.hasMessageStartingWith("reports-templates/bad-expression.jrxml, line 5: ");
	}

	@Test
	void malformedXmlIsReportedWithTheTemplateAndItsLine() throws Exception {
		// given a template whose line 6 closes an element that is not open
		byte[] jrxml = resource("bad-xml.jrxml");
		assertThatThrownBy(() -> Templates.compile("bad-xml", jrxml)).isInstanceOf(Templates.TemplateException.class)
			.hasMessageStartingWith("reports-templates/bad-xml.jrxml, line 6");
	}

	@Test
	void anUndeclaredParameterIsReportedWhereItIsUsed() throws Exception {
		// given a template whose line 4 uses $P{YEAR}, never declared
		byte[] jrxml = resource("undeclared.jrxml");
		assertThatThrownBy(() -> Templates.compile("undeclared", jrxml)).isInstanceOf(Templates.TemplateException.class)
			.hasMessageStartingWith("reports-templates/undeclared.jrxml, line 4: ")
			.hasMessageContaining("Parameter not found : YEAR");
	}

	@Test
	void theTemplateIsCompiledOnceThenReadFromTheCache(@TempDir Path cache) throws Exception {
		// given a first process that compiles the publication template
		Templates first = new Templates(cache, false);
		JasperReport compiled = first.get(PdfRenderer.TEMPLATE);
		assertThat(first.compilations()).isEqualTo(1);
		first.get(PdfRenderer.TEMPLATE);
		assertThat(first.compilations()).isEqualTo(1);
		try (var files = Files.list(cache)) {
			assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement()
				.asString()
				.matches("publication-[0-9a-f]{16}\\.jasper");
		}
		// when a second process asks for it, then it reads the cache and compiles nothing
		Templates second = new Templates(cache, false);
		assertThat(second.get(PdfRenderer.TEMPLATE).getName()).isEqualTo(compiled.getName());
		assertThat(second.compilations()).isZero();
	}

	@Test
	void theBuildShipsTheCompiledTemplateSoThatNoRunCompilesIt() {
		// given no cache at all (a fresh data directory), when a process asks for the
		// template, then it reads the one the build compiled (process-classes) beside the
		// JRXML
		Templates fresh = new Templates(null);
		assertThat(fresh.get(PdfRenderer.TEMPLATE).getName()).isEqualTo("publication");
		assertThat(fresh.compilations()).isZero();
	}

}
