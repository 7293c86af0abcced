package fr.ptce.observatory.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import fr.ptce.observatory.download.ExtractStore.ExtractFile;
import fr.ptce.observatory.download.PartnerTokens.TokenRecord;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The partner download service, /partners/v1 (extracts.md), as one filter ahead of
 * everything else, so that every request whose target or decoded path is under /partners
 * is answered here and audited, whatever Spring MVC's mapping would make of it. Checks,
 * in order: body size (413), credential (a bearer token, 401; or a signed link, 403), the
 * partner's rate (429), method (405), then the name, which must be exactly one listed
 * name of the credential's partner: anything else is the one 404 below, so that an answer
 * never tells what exists elsewhere.
 */
public class DownloadFilter extends OncePerRequestFilter {

	static final String NOT_FOUND = "{\"error\":\"not found\"}";

	static final int MAX_BODY = 1024;

	private static final Logger log = LoggerFactory.getLogger(DownloadFilter.class);

	private final ExtractStore store;

	private final PartnerTokens tokens;

	private final DownloadAudit audit;

	private final LinkSigner signer;

	private final RateLimiter limiter;

	private final Clock clock;

	private final Listing listing;

	private final Predicate<String> knownPartner;

	/**
	 * @param knownPartner whether a code is a partner of the partners file: a token or
	 * link of a partner that has left it gives nothing, whatever is still on disk or in
	 * the database
	 */
	public DownloadFilter(ExtractStore store, PartnerTokens tokens, DownloadAudit audit, LinkSigner signer,
			RateLimiter limiter, Clock clock, Predicate<String> knownPartner) {
		this.store = store;
		this.tokens = tokens;
		this.audit = audit;
		this.signer = signer;
		this.limiter = limiter;
		this.clock = clock;
		this.listing = new Listing(store, signer);
		this.knownPartner = knownPartner;
	}

	/** What is known of a request as it goes, for its audit row. */
	private static final class Exchange {

		final Instant at;

		String partner;

		String tokenId;

		String via;

		long sent;

		Exchange(Instant at) {
			this.at = at;
		}

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String decoded = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (!DownloadPath.concerns(request.getRequestURI(), decoded)) {
			chain.doFilter(request, response);
			return;
		}
		Exchange x = new Exchange(clock.instant());
		try {
			handle(request, response, x);
		}
		catch (FileResponder.PartialSend ex) {
			x.sent = ex.sent;
			log.info("download of {} ended early after {} bytes: {}", request.getRequestURI(), ex.sent,
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("partner download service: {}", ex.toString(), ex);
			if (!response.isCommitted()) {
				response.reset();
				json(response, 500, "{\"error\":\"internal error (see the server log)\"}");
			}
		}
		finally {
			record(request, response, x);
		}
	}

	private void handle(HttpServletRequest request, HttpServletResponse response, Exchange x) throws IOException {
		if (bodyTooLarge(request)) {
			response.setHeader("Connection", "close");
			x.sent = json(response, 413, "{\"error\":\"request bodies are limited to " + MAX_BODY + " bytes\"}");
			return;
		}
		DownloadPath target = DownloadPath.parse(request.getRequestURI());
		String key = credential(request, target, x);
		if (key == null) {
			if (target.kind() == DownloadPath.Kind.LINK) {
				x.sent = json(response, 403, "{\"error\":\"forbidden: this link is wrong or has expired\"}");
			}
			else {
				response.setHeader("WWW-Authenticate", "Bearer");
				x.sent = json(response, 401, "{\"error\":\"unauthorized\"}");
			}
			return;
		}
		RateLimiter.Decision decision = limiter.acquire(key);
		if (!decision.allowed()) {
			response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
			x.sent = json(response, 429,
					"{\"error\":\"too many requests: at most " + limiter.perMinute() + " a minute\"}");
			return;
		}
		if (target.kind() == DownloadPath.Kind.UNKNOWN) {
			x.sent = json(response, 404, NOT_FOUND);
			return;
		}
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			response.setHeader("Allow", "GET, HEAD");
			x.sent = json(response, 405, "{\"error\":\"method not allowed: GET or HEAD\"}");
			return;
		}
		if (target.kind() == DownloadPath.Kind.LISTING) {
			x.sent = json(response, 200, listing.render(x.partner, request, clock.instant()));
			return;
		}
		Optional<ExtractFile> file = store.resolve(x.partner, target.year(), target.version(), target.path());
		if (file.isEmpty()) {
			x.sent = json(response, 404, NOT_FOUND);
			return;
		}
		x.sent = FileResponder.answer(request, response, file.get(), downloadName(x.partner, target, file.get()));
	}

	/**
	 * The rate-limit key of a valid credential (its partner noted), or null if there is
	 * none.
	 */
	private String credential(HttpServletRequest request, DownloadPath target, Exchange x) {
		if (target.kind() == DownloadPath.Kind.LINK) {
			boolean valid = signer.verify(target.partner(), target.year(), target.version(), target.path(),
					request.getParameter("expires"), request.getParameter("sig"), clock.instant());
			if (!valid || !knownPartner.test(target.partner())) {
				return null;
			}
			x.partner = target.partner();
			x.via = "link";
			return "link:" + target.partner();
		}
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		Optional<TokenRecord> token = tokens.authenticate(header.substring(7).strip());
		if (token.isEmpty() || !knownPartner.test(token.get().partner())) {
			return null;
		}
		x.partner = token.get().partner();
		x.tokenId = token.get().id();
		x.via = "token";
		return "token:" + token.get().id();
	}

	/**
	 * A body beyond the limit, by its declared length or, when it is sent in chunks, by
	 * reading at most one byte more than the limit (never more: a large body is not read
	 * to be refused).
	 */
	private static boolean bodyTooLarge(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > MAX_BODY) {
			return true;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			InputStream in = request.getInputStream();
			return in.readNBytes(MAX_BODY + 1).length > MAX_BODY;
		}
		return false;
	}

	/**
	 * A name that says whose, which year and which version:
	 * LABO_ESS-2025-20260331T060000Z-aggregates.parquet.
	 */
	static String downloadName(String partner, DownloadPath target, ExtractFile file) {
		Path versionFolder = file.file().getParent();
		if (target.path().startsWith("csv/")) {
			versionFolder = versionFolder.getParent();
		}
		return partner + "-" + target.year() + "-" + versionFolder.getFileName() + "-"
				+ target.path().replace('/', '-');
	}

	private void record(HttpServletRequest request, HttpServletResponse response, Exchange x) {
		try {
			audit.record(new DownloadAudit.Entry(0, x.at, x.partner, x.tokenId, x.via, request.getMethod(),
					request.getRequestURI(), request.getHeader("Range"), response.getStatus(),
					"HEAD".equals(request.getMethod()) ? 0 : x.sent, request.getRemoteAddr(),
					request.getHeader("User-Agent")));
		}
		catch (RuntimeException ex) {
			log.error("partner download audit: cannot record {} {} ({}): {}", request.getMethod(),
					DownloadAudit.clean(request.getRequestURI(), 200), response.getStatus(), ex.toString());
		}
	}

	/** Writes a JSON answer; returns the bytes of its body. */
	static int json(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		return bytes.length;
	}

}
