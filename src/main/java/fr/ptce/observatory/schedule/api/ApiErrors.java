package fr.ptce.observatory.schedule.api;

import java.util.Map;
import java.util.regex.Pattern;

import fr.ptce.observatory.download.PartnerDownloadsApi;
import fr.ptce.observatory.schedule.RunConflictException;
import fr.ptce.observatory.schedule.RunsBusyException;
import fr.ptce.observatory.schedule.UnavailableJobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;

/**
 * {"error": "..."} answers of the operator API (its partner token and audit calls
 * included), with the status that says whose mistake it is.
 */
@RestControllerAdvice(assignableTypes = { OperatorApi.class, PartnerDownloadsApi.class })
public class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		String detail = "";
		Throwable t = ex.getCause();
		while (t != null) {
			if (t instanceof JacksonException jackson) {
				detail = ": " + jackson.getOriginalMessage().replaceAll("`[a-zA-Z0-9_.$]+\\$([A-Za-z]+)`", "$1");
				break;
			}
			t = t.getCause();
		}
		if (detail.isEmpty() && ex.getMessage() != null && ex.getMessage().startsWith("Required request body")) {
			detail = ": the body is missing";
		}
		return error(HttpStatus.BAD_REQUEST, "malformed JSON body" + firstLine(detail));
	}

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<Map<String, String>> badRequest(Exception ex) {
		String message = ex instanceof MethodArgumentTypeMismatchException m
				? "'" + m.getName() + "' has a wrong value: '" + m.getValue() + "'" : ex.getMessage();
		return error(HttpStatus.BAD_REQUEST, message);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "method " + ex.getMethod() + " not allowed here");
	}

	@ExceptionHandler(UnavailableJobException.class)
	ResponseEntity<Map<String, String>> notFound(UnavailableJobException ex) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler({ RunConflictException.class, IllegalStateException.class })
	ResponseEntity<Map<String, String>> conflict(RuntimeException ex) {
		return error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(RunsBusyException.class)
	ResponseEntity<Map<String, String>> busy(RunsBusyException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "30")
			.body(Map.of("error", clean(ex.getMessage())));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, String>> unexpected(Exception ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client left mid-answer: nobody to answer, and nothing wrong with the
			// server
			log.debug("operator API: the client disconnected: {}", ex.toString());
			return null;
		}
		log.error("operator API: {}", ex.toString(), ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (see the server log)");
	}

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		String clean = message == null ? "" : clean(message);
		return ResponseEntity.status(status).body(Map.of("error", clean.isEmpty() ? status.getReasonPhrase() : clean));
	}

	/**
	 * Exception class names, qualified or not, before a message
	 * ("java.lang.IllegalStateException: ").
	 */
	private static final Pattern TYPE_NAME = Pattern
		.compile("(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*|\\b)");

	/**
	 * What an operator may read of a message: its first line (the rest of a recorded
	 * failure is a stack trace), at most 300 characters (a body is never echoed whole),
	 * without Java's type names, which say how the server is built and nothing of what
	 * went wrong.
	 */
	public static String clean(String message) {
		String line = message.strip().lines().findFirst().orElse("");
		line = TYPE_NAME.matcher(line).replaceAll("").strip();
		return line.length() > 300 ? line.substring(0, 300) + "..." : line;
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}

}
