package fr.ptce.observatory.download;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat answers some request targets itself, with an HTML 400, before any filter sees
 * them: a NUL byte, ".." above the root, bytes not allowed in a target, a target longer
 * than the header limit. Under /partners, extracts.md wants every such name to be the one
 * 404 of the download service, so this error report valve (in place of Tomcat's own, for
 * the whole host) answers those with it, and audits them, as it does requests whose
 * target Tomcat could not read at all; anywhere else it reports as Tomcat does.
 *
 * The connector is also told to pass an encoded '/' or '\' through undecoded and to
 * accept a raw backslash, so that such targets reach {@link DownloadFilter}, which checks
 * the credential first (401 without one) and then refuses the name (404), as it does for
 * any other name that is not listed.
 */
public class UniformErrors extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(UniformErrors.class);

	private final DownloadAudit audit;

	private final Clock clock;

	public UniformErrors(DownloadAudit audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	public static void relax(Connector connector) {
		connector.setEncodedSolidusHandling("passthrough");
		connector.setEncodedReverseSolidusHandling("passthrough");
		connector.setAllowBackslash(true);
		connector.setProperty("relaxedPathChars", "\"<>[\\]^`{|}");
	}

	/** Puts this valve where the host's error report valve was. */
	public void install(Host host) {
		for (Valve v : host.getPipeline().getValves()) {
			if (v instanceof ErrorReportValve && !(v instanceof UniformErrors)) {
				host.getPipeline().removeValve(v);
			}
		}
		host.getPipeline().addValve(this);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		String raw = request.getCoyoteRequest().requestURI().toString();
		String decoded = request.getCoyoteRequest().decodedURI().toString();
		// no target at all: the request line itself was unreadable (a NUL or non-ASCII
		// byte, beyond the header
		// limit), so nothing tells whether it was meant for /partners: it gets the same
		// answer as if it were
		boolean unreadable = raw == null || raw.isEmpty();
		// only Tomcat's own refusals (sendError): the download filter writes its answers
		// itself, bodiless ones too (416)
		if (!response.isError() || response.getStatus() < 400 || !(unreadable || DownloadPath.concerns(raw, decoded))
				|| response.getContentWritten() > 0 || response.isCommitted()) {
			super.report(request, response, throwable);
			return;
		}
		int refused = response.getStatus();
		try {
			response.setStatus(404);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(DownloadFilter.NOT_FOUND);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("cannot answer a refused partner request: {}", ex.toString());
		}
		try {
			String target = unreadable ? "(unreadable request target)" : raw;
			audit.record(new DownloadAudit.Entry(0, clock.instant(), null, null, null,
					String.valueOf(request.getCoyoteRequest().method()), target, request.getHeader("Range"), 404, 0,
					request.getRemoteAddr(), request.getHeader("User-Agent")));
		}
		catch (RuntimeException ex) {
			log.error("partner download audit: cannot record a request Tomcat refused ({}): {}", refused,
					ex.toString());
		}
	}

}
