package fr.ptce.observatory.console;

import fr.ptce.observatory.download.PartnerAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Ahead of every console handler: the headers of a page that is per viewer and never
 * framed, the CSRF check of every POST, the session (none: to the sign-in page), a
 * partner token revoked or expired since sign-in (the session ends), and the level the
 * handler asks ({@link Access}). Refusals are exceptions, rendered by
 * {@link ConsoleErrors}.
 */
class ConsoleGuard implements HandlerInterceptor {

	static final String PACKAGE = ConsoleGuard.class.getPackageName();

	/**
	 * Only this server's own styles and images; no script at all; forms post here only;
	 * never in a frame; links followed from a page say nothing of it.
	 */
	static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	/** Seconds between two refreshes of a page that shows a run going on. */
	static final int REFRESH_SECONDS = 5;

	private final PartnerAccess partners;

	ConsoleGuard(PartnerAccess partners) {
		this.partners = partners;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().equals(PACKAGE)) {
			return true;
		}
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", POLICY);
		if ("POST".equals(request.getMethod()) && !ConsoleSession.csrfMatches(request)) {
			throw ConsoleException.forbidden(
					"Ce formulaire a expiré ou ne vient pas de la console : rechargez la page" + " et recommencez.");
		}
		Access access = method.getMethodAnnotation(Access.class);
		if (access == null) {
			access = method.getBeanType().getAnnotation(Access.class);
		}
		Access.Level level = access == null ? Access.Level.STAFF : access.value();
		if (level == Access.Level.ANYONE) {
			return true;
		}
		Viewer viewer = ConsoleSession.viewer(request);
		if (viewer != null && viewer.isPartner() && !partners.active(viewer.tokenId())) {
			ConsoleSession.signOut(request);
			viewer = null;
		}
		if (viewer == null) {
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader("Location", "/connexion");
			return false;
		}
		if (level == Access.Level.STAFF && !viewer.isStaff()) {
			throw ConsoleException.notFound();
		}
		if (level == Access.Level.OPERATOR && !viewer.mayAct()) {
			throw viewer.isStaff()
					? ConsoleException.forbidden("Ce jeton est en lecture seule : il ne permet aucune" + " action.")
					: ConsoleException.notFound();
		}
		return true;
	}

	/**
	 * A page that shows something going on refreshes itself (an HTTP Refresh, the same as
	 * a meta refresh) unless the viewer turned that off ({@code ?auto=non}, a link on the
	 * page: WCAG 2.2.1 wants a time limit the user can stop).
	 */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
		if (mv == null || !Boolean.TRUE.equals(mv.getModel().get("refresh"))) {
			return;
		}
		boolean off = "non".equals(request.getParameter("auto"));
		mv.addObject("autoRefresh", !off);
		mv.addObject("here", request.getRequestURI());
		if (!off) {
			response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
		}
	}

}
