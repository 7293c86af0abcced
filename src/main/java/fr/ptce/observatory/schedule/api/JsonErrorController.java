package fr.ptce.observatory.schedule.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's /error, in place of Spring Boot's Whitelabel page: errors raised before a
 * controller is chosen (406 for an Accept the API cannot answer, 415 for a body that is
 * not JSON, 404) are {"error": "..."} like the API's own. The body is written by hand:
 * content negotiation is what failed for a 406, it must not be asked again.
 */
@RestController
public class JsonErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly: there is nothing at /error
		HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
				: HttpStatus.NOT_FOUND;
		response.setStatus(status.value());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"error\":\"" + message(status) + "\"}");
	}

	private static String message(HttpStatus status) {
		return switch (status) {
			case NOT_ACCEPTABLE -> "answers are application/json only";
			case UNSUPPORTED_MEDIA_TYPE -> "send the body as application/json";
			case INTERNAL_SERVER_ERROR -> "internal error (see the server log)";
			default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
		};
	}

}
