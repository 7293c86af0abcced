package fr.ptce.observatory.download;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.ptce.observatory.download.DownloadAudit.Entry;
import fr.ptce.observatory.download.PartnerTokens.Issued;
import fr.ptce.observatory.download.PartnerTokens.TokenRecord;
import fr.ptce.observatory.partners.Partners;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;

/**
 * Token management and the audit as the command line ({@code partner ...}) and the
 * operator API give them: one place checks the partner code against the partners file and
 * reads durations, and one place says what a token and an audit record look like outside
 * (never a token, but once, when it is issued).
 */
@Service
public class PartnerAccess {

	private final PartnerTokens tokens;

	private final DownloadAudit audit;

	private final Partners partners;

	public PartnerAccess(PartnerTokens tokens, DownloadAudit audit, Partners partners) {
		this.tokens = tokens;
		this.audit = audit;
		this.partners = partners;
	}

	/**
	 * Issues a token for a partner of the partners file.
	 * @param expires a duration ("365d", "12h", "P30D"), or null for 365 days
	 * @throws IllegalArgumentException for an unknown partner or a malformed duration,
	 * with a message for the user
	 */
	public Issued issue(String partner, String expires, String label) {
		if (partner == null || partners.find(partner) == null) {
			throw new IllegalArgumentException("unknown partner '" + partner + "' (the partners file has: "
					+ String.join(", ", partners.all().stream().map(p -> p.code()).toList()) + ")");
		}
		return tokens.issue(partner, duration(expires), label == null || label.isBlank() ? null : label.strip());
	}

	static Duration duration(String text) {
		if (text == null || text.isBlank()) {
			return PartnerTokens.DEFAULT_VALIDITY;
		}
		try {
			Duration d = DurationStyle.detectAndParse(text.strip());
			if (d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("must be positive");
			}
			return d;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"--expires '" + text + "': give a positive duration such as 365d, 12h," + " 30m or P30D");
		}
	}

	/**
	 * The record of a valid partner token, as the download service accepts it: known,
	 * active (not expired, not revoked) and of a partner still in the partners file;
	 * empty otherwise.
	 */
	public Optional<TokenRecord> authenticate(String token) {
		return tokens.authenticate(token).filter(r -> partners.find(r.partner()) != null);
	}

	/**
	 * Whether the token of this id is still valid as {@link #authenticate} would find it
	 * (a console session's check).
	 */
	public boolean active(String id) {
		TokenRecord r = token(id);
		return r != null && "active".equals(r.state(now())) && partners.find(r.partner()) != null;
	}

	/** The partners' codes of the partners file, in its order. */
	public List<String> partnerCodes() {
		return partners.all().stream().map(p -> p.code()).toList();
	}

	public List<TokenRecord> tokens() {
		return tokens.list();
	}

	public boolean revoke(String id) {
		return tokens.revoke(id);
	}

	public TokenRecord token(String id) {
		return tokens.find(id).orElse(null);
	}

	public List<Entry> audit(String partner, Instant since, int limit) {
		return audit.list(partner == null || partner.isBlank() ? null : partner, since, limit);
	}

	public Instant now() {
		return tokens.now();
	}

	/**
	 * A token as the API lists it: id, partner, label, created, expires, last_used,
	 * state.
	 */
	public Map<String, Object> view(TokenRecord t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", t.id());
		m.put("partner", t.partner());
		m.put("label", t.label());
		m.put("created", text(t.created()));
		m.put("expires", text(t.expires()));
		m.put("last_used", text(t.lastUsed()));
		m.put("revoked", text(t.revoked()));
		m.put("state", t.state(now()));
		return m;
	}

	public static Map<String, Object> view(Entry e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("at", text(e.at()));
		m.put("partner", e.partner());
		m.put("token_id", e.tokenId());
		m.put("via", e.via());
		m.put("method", e.method());
		m.put("path", e.path());
		m.put("range", e.range());
		m.put("status", e.status());
		m.put("bytes_sent", e.bytesSent());
		m.put("client", e.client());
		m.put("user_agent", e.userAgent());
		return m;
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
