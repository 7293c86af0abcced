package fr.ptce.observatory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import fr.ptce.observatory.ObservatoryApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * A command's application imports its components by name rather than scanning the jar for
 * them at every start: the list must stay what the scan of {@code serve}'s application
 * finds, less what only a web server uses.
 */
class CommandApplicationTest {

	@Test
	void importsEveryComponentOfTheScanThatIsNotForTheWebServer() {
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
		Set<Class<?>> scanned = scan.findCandidateComponents(ObservatoryApplication.class.getPackageName())
			.stream()
			.map(definition -> load(definition.getBeanClassName()))
			.filter(type -> type != ObservatoryApplication.class)
			.filter(type -> !forTheWebServer(type))
			// the tests' stand-in jobs, which tests add with spring.main.sources
			.filter(type -> !MergedAnnotations.from(type).isPresent(TestConfiguration.class))
			.collect(Collectors.toSet());
		Set<Class<?>> imported = Set.of(CommandApplication.class.getAnnotation(Import.class).value());
		assertThat(imported).containsExactlyInAnyOrderElementsOf(scanned);
	}

	private static boolean forTheWebServer(Class<?> type) {
		MergedAnnotations annotations = MergedAnnotations.from(type);
		return annotations.isPresent(ConditionalOnWebApplication.class) || annotations.isPresent(Controller.class)
				|| annotations.isPresent(ControllerAdvice.class);
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new AssertionError(ex);
		}
	}

}
