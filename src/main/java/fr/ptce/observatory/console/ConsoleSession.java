package fr.ptce.observatory.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What the console keeps in the servlet session: the viewer and the session's CSRF token
 * (a synchronizer token: each form carries it, each POST must give it back). The session
 * cookie is the only credential a browser holds after sign-in; the token given at sign-in
 * is never kept.
 */
public final class ConsoleSession {

	/** Idle time after which a session ends and the viewer signs in again. */
	public static final Duration IDLE = Duration.ofHours(8);

	public static final String CSRF_PARAMETER = "_csrf";

	private static final String VIEWER = "observatory.console.viewer";

	private static final String CSRF = "observatory.console.csrf";

	private static final SecureRandom random = new SecureRandom();

	private ConsoleSession() {
	}

	public static Viewer viewer(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (Viewer) session.getAttribute(VIEWER);
	}

	/**
	 * The session's CSRF token, the session (and the token) created if there is none yet.
	 */
	public static String csrf(HttpServletRequest request) {
		HttpSession session = request.getSession(true);
		String token = (String) session.getAttribute(CSRF);
		if (token == null) {
			token = newToken();
			session.setAttribute(CSRF, token);
			session.setMaxInactiveInterval((int) IDLE.toSeconds());
		}
		return token;
	}

	/**
	 * Whether the request carries the CSRF token of its session (false when there is no
	 * session).
	 */
	public static boolean csrfMatches(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String expected = session == null ? null : (String) session.getAttribute(CSRF);
		String given = request.getParameter(CSRF_PARAMETER);
		return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Signs the viewer in: a new session id (the one used before sign-in is worth
	 * nothing: no fixation), a new CSRF token, the idle expiry.
	 */
	public static void signIn(HttpServletRequest request, Viewer viewer) {
		HttpSession session = request.getSession(true);
		request.changeSessionId();
		session.setAttribute(VIEWER, viewer);
		session.setAttribute(CSRF, newToken());
		session.setMaxInactiveInterval((int) IDLE.toSeconds());
	}

	public static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
