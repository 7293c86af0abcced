package fr.ptce.observatory.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page is given: the viewer (for the menu), the CSRF token of its
 * forms, the formatter.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

	public static final Format FORMAT = new Format();

	@ModelAttribute("viewer")
	Viewer viewer(HttpServletRequest request) {
		return ConsoleSession.viewer(request);
	}

	@ModelAttribute("csrf")
	String csrf(HttpServletRequest request) {
		return ConsoleSession.csrf(request);
	}

	@ModelAttribute("fmt")
	Format format() {
		return FORMAT;
	}

	/** The same attributes for a view made outside a handler (an error page). */
	static ModelAndView page(String view, HttpServletRequest request) {
		ModelAndView mv = new ModelAndView(view);
		mv.addObject("viewer", ConsoleSession.viewer(request));
		mv.addObject("csrf", ConsoleSession.csrf(request));
		mv.addObject("fmt", FORMAT);
		return mv;
	}

}
