package fr.ptce.observatory.download;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.download.PartnerTokens.Issued;
import fr.ptce.observatory.schedule.UnavailableJobException;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' side of the download service (extracts.md, "Operators"), under /api and
 * so behind the operator token: tokens issued, listed and revoked while {@code serve}
 * holds the database, and the download audit. Errors are the operator API's
 * ({@code ApiErrors}).
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
public class PartnerDownloadsApi {

	/**
	 * Body of POST /api/partners/{code}/tokens, optional: {"expires": "90d", "label":
	 * "DuckDB nightly"}.
	 */
	public record IssueToken(String expires, String label) {
	}

	private final PartnerAccess access;

	public PartnerDownloadsApi(PartnerAccess access) {
		this.access = access;
	}

	/** 201 with the token's record and, this once, the token itself. */
	@PostMapping("/partners/{code}/tokens")
	public ResponseEntity<Map<String, Object>> issue(@PathVariable String code,
			@RequestBody(required = false) IssueToken body) {
		Issued issued = access.issue(code, body == null ? null : body.expires(), body == null ? null : body.label());
		Map<String, Object> answer = access.view(issued.record());
		answer.put("token", issued.token());
		return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(answer);
	}

	@GetMapping("/partners/tokens")
	public List<Map<String, Object>> tokens() {
		return access.tokens().stream().map(access::view).toList();
	}

	@DeleteMapping("/partners/tokens/{id}")
	public Map<String, Object> revoke(@PathVariable String id) {
		if (!access.revoke(id)) {
			throw new UnavailableJobException("no token " + id);
		}
		return access.view(access.token(id));
	}

	@GetMapping("/partner-downloads")
	public List<Map<String, Object>> downloads(@RequestParam(required = false) String partner,
			@RequestParam(required = false) String since, @RequestParam(defaultValue = "200") int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("limit must be between 1 and 10000");
		}
		Instant from = since == null || since.isBlank() ? null : Timestamps.parseInstant(since);
		return access.audit(partner, from, limit).stream().map(PartnerAccess::view).toList();
	}

}
