package fr.ptce.observatory.console;

import fr.ptce.observatory.schedule.RunConflictException;
import fr.ptce.observatory.schedule.RunsBusyException;
import fr.ptce.observatory.schedule.UnavailableJobException;
import fr.ptce.observatory.schedule.api.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error pages, in French, with the status the API gives for the same cause
 * (400, 403, 404, 409, 503). Messages of the services are shown as they say them (they
 * name the parameter and the reason); a 404 is one page whatever the reason, so that a
 * partner learns nothing of what exists elsewhere.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
public class ConsoleErrors {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	@ExceptionHandler(ConsoleException.class)
	ModelAndView console(ConsoleException ex, HttpServletRequest request) {
		return page(request, ex.status(), ex.status() == 404 ? "Page introuvable" : "Action refusée", ex.getMessage());
	}

	@ExceptionHandler({ UnavailableJobException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(Exception ex, HttpServletRequest request) {
		return console(ConsoleException.notFound(), request);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badRequest(IllegalArgumentException ex, HttpServletRequest request) {
		return page(request, 400, "Demande refusée", ApiErrors.clean(ex.getMessage()));
	}

	@ExceptionHandler(RunConflictException.class)
	ModelAndView conflict(RunConflictException ex, HttpServletRequest request) {
		return page(request, 409, "Impossible pour le moment", ApiErrors.clean(ex.getMessage()));
	}

	@ExceptionHandler(RunsBusyException.class)
	ModelAndView busy(RunsBusyException ex, HttpServletRequest request) {
		return page(request, 503, "Serveur occupé",
				"Toutes les exécutions possibles sont en cours ou en attente : " + "réessayez dans un moment.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		log.error("console: {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString(), ex);
		return page(request, 500, "Erreur interne", "Une erreur inattendue est survenue (voir le journal du serveur).");
	}

	private static ModelAndView page(HttpServletRequest request, int status, String title, String message) {
		ModelAndView mv = ConsoleModel.page("console/erreur", request);
		mv.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
		mv.addObject("title", title);
		mv.addObject("message", message);
		mv.addObject("status", status);
		return mv;
	}

}
