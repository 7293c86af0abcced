package fr.ptce.observatory.schedule.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under /api carries {@code Authorization: Bearer TOKEN}, worth what
 * {@link OperatorTokens} says (full access, or GET only). A missing or unknown token is
 * 401 with the same body whatever the reason; the read-only token on an action is 403.
 * With no token configured, every call is refused: the API is never open by default.
 *
 * A filter rather than Spring Security: one static bearer check on one path prefix, and
 * Spring Security's auto-configuration would also lock Actuator and every command's
 * context, which need none of it.
 */
public class OperatorTokenFilter extends OncePerRequestFilter {

	/** The largest request body the API reads: its bodies are a few parameters. */
	static final long MAX_BODY = 16 * 1024;

	private final OperatorTokens tokens;

	public OperatorTokenFilter(String fullSha256, String readSha256) {
		this(new OperatorTokens(fullSha256, readSha256));
	}

	public OperatorTokenFilter(OperatorTokens tokens) {
		this.tokens = tokens;
	}

	public static String sha256(String token) {
		return OperatorTokens.sha256(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// answers are per token and never content to sniff: no cache may keep them, no
		// browser may guess their type
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		String header = request.getHeader("Authorization");
		String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
				: null;
		Optional<OperatorTokens.Access> access = tokens.check(given);
		if (access.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("WWW-Authenticate", "Bearer");
			write(response, "{\"error\":\"unauthorized\"}");
			return;
		}
		if (!access.get().mayAct() && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			write(response, "{\"error\":\"forbidden: this token may only read\"}");
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY
				|| request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
			// never read, so never echoed in an error either; a body of unknown length
			// could be as large
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			write(response, "{\"error\":\"request body too large or of unknown length: at most " + MAX_BODY
					+ " bytes, with Content-Length\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void write(HttpServletResponse response, String body) throws IOException {
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
