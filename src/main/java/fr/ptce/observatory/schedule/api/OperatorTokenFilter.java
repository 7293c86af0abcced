package fr.ptce.observatory.schedule.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under /api carries {@code Authorization: Bearer TOKEN}. The configuration holds only SHA-256 digests
 * ({@code observatory.api.token-sha256}: full access; {@code observatory.api.read-token-sha256}: GET only), compared
 * in constant time. A missing or unknown token is 401 with the same body whatever the reason; the read-only token on
 * an action is 403. With no token configured, every call is refused: the API is never open by default.
 *
 * A filter rather than Spring Security: one static bearer check on one path prefix, and Spring Security's
 * auto-configuration would also lock Actuator and every command's context, which need none of it.
 */
public class OperatorTokenFilter extends OncePerRequestFilter {

	/** The largest request body the API reads: its bodies are a few parameters. */
	static final long MAX_BODY = 16 * 1024;

	private final byte[] fullDigest;

	private final byte[] readDigest;

	public OperatorTokenFilter(String fullSha256, String readSha256) {
		this.fullDigest = parse(fullSha256, "observatory.api.token-sha256");
		this.readDigest = parse(readSha256, "observatory.api.read-token-sha256");
	}

	private static byte[] parse(String hex, String property) {
		if (hex == null || hex.isBlank()) {
			return null;
		}
		String h = hex.trim().toLowerCase(Locale.ROOT);
		if (!h.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException(property + " must be the SHA-256 of the token in hex (64 characters),"
					+ " e.g. printf %s \"$TOKEN\" | sha256sum");
		}
		return HexFormat.of().parseHex(h);
	}

	public static String sha256(String token) {
		return fr.ptce.observatory.warehouse.Sha256.of(token.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// answers are per token and never content to sniff: no cache may keep them, no browser may guess their type
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		String header = request.getHeader("Authorization");
		byte[] given = null;
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			given = HexFormat.of().parseHex(sha256(header.substring(7).trim()));
		}
		// both digests are always compared, so that timing says nothing of which one matched
		boolean full = matches(fullDigest, given);
		boolean read = matches(readDigest, given);
		if (!full && !read) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader("WWW-Authenticate", "Bearer");
			write(response, "{\"error\":\"unauthorized\"}");
			return;
		}
		if (!full && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			write(response, "{\"error\":\"forbidden: this token may only read\"}");
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY || request.getContentLengthLong() < 0
				&& request.getHeader("Transfer-Encoding") != null) {
			// never read, so never echoed in an error either; a body of unknown length could be as large
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			write(response, "{\"error\":\"request body too large or of unknown length: at most " + MAX_BODY
					+ " bytes, with Content-Length\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean matches(byte[] expected, byte[] given) {
		byte[] candidate = given == null ? new byte[32] : given;
		boolean equal = MessageDigest.isEqual(expected == null ? new byte[32] : expected, candidate);
		return expected != null && given != null && equal;
	}

	private static void write(HttpServletResponse response, String body) throws IOException {
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
