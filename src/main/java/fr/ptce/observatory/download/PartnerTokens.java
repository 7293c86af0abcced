package fr.ptce.observatory.download;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import fr.ptce.observatory.warehouse.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The partners' bearer tokens (OBS_PARTNER_TOKEN). A token is 32 random bytes in URL-safe
 * Base64, shown once when issued; only its SHA-256 is stored, so that the database alone
 * gives no access. A token is looked up by that digest: the digest of a 256-bit random
 * secret is not something timing can help guess.
 */
@Repository
public class PartnerTokens {

	/** A token's record, never the token itself. */
	public record TokenRecord(String id, String partner, String label, Instant created, Instant expires,
			Instant lastUsed, Instant revoked) {

		public String state(Instant now) {
			if (revoked != null) {
				return "revoked";
			}
			return expires.isAfter(now) ? "active" : "expired";
		}

	}

	/**
	 * What {@link #issue} gives back: the record and the token, which is never seen
	 * again.
	 */
	public record Issued(TokenRecord record, String token) {
	}

	public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

	/**
	 * last_used is written at most this often per token, so that a burst of downloads is
	 * not a burst of writes.
	 */
	private static final Duration LAST_USED_PRECISION = Duration.ofSeconds(10);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public PartnerTokens(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Issued issue(String partner, Duration validity, String label) {
		if (validity.isNegative() || validity.isZero()) {
			throw new IllegalArgumentException("the validity of a token must be positive");
		}
		if (label != null && label.length() > 200) {
			throw new IllegalArgumentException("the label is limited to 200 characters");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		byte[] idBytes = new byte[6];
		random.nextBytes(idBytes);
		String id = "tk-" + HexFormat.of().formatHex(idBytes);
		Instant now = now();
		Instant expires = now.plus(validity);
		jdbc.update("INSERT INTO OBS_PARTNER_TOKEN (ID, PARTNER, LABEL, TOKEN_SHA256, CREATED_AT, EXPIRES_AT)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", id, partner, label, digest(token), utc(now), utc(expires));
		return new Issued(new TokenRecord(id, partner, label, now, expires, null, null), token);
	}

	/**
	 * The valid token's record (and its last use noted), or empty for an unknown, expired
	 * or revoked one.
	 */
	public Optional<TokenRecord> authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > 200) {
			return Optional.empty();
		}
		List<TokenRecord> found = jdbc.query("SELECT * FROM OBS_PARTNER_TOKEN WHERE TOKEN_SHA256 = ?",
				PartnerTokens::record, digest(token));
		Instant now = now();
		if (found.isEmpty() || !"active".equals(found.get(0).state(now))) {
			return Optional.empty();
		}
		TokenRecord r = found.get(0);
		if (r.lastUsed() == null || r.lastUsed().isBefore(now.minus(LAST_USED_PRECISION))) {
			jdbc.update("UPDATE OBS_PARTNER_TOKEN SET LAST_USED_AT = ? WHERE ID = ?", utc(now), r.id());
		}
		return Optional.of(r);
	}

	public List<TokenRecord> list() {
		return jdbc.query("SELECT * FROM OBS_PARTNER_TOKEN ORDER BY PARTNER, CREATED_AT, ID", PartnerTokens::record);
	}

	public Optional<TokenRecord> find(String id) {
		return jdbc.query("SELECT * FROM OBS_PARTNER_TOKEN WHERE ID = ?", PartnerTokens::record, id)
			.stream()
			.findFirst();
	}

	/**
	 * Revokes at once (the next request with it is refused); false for an unknown id.
	 * Revoking twice is harmless.
	 */
	public boolean revoke(String id) {
		if (find(id).isEmpty()) {
			return false;
		}
		jdbc.update("UPDATE OBS_PARTNER_TOKEN SET REVOKED_AT = ? WHERE ID = ? AND REVOKED_AT IS NULL", utc(now()), id);
		return true;
	}

	public Instant now() {
		return clock.instant();
	}

	static String digest(String token) {
		return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static TokenRecord record(ResultSet rs, int row) throws SQLException {
		return new TokenRecord(rs.getString("ID"), rs.getString("PARTNER"), rs.getString("LABEL"),
				instant(rs, "CREATED_AT"), instant(rs, "EXPIRES_AT"), instant(rs, "LAST_USED_AT"),
				instant(rs, "REVOKED_AT"));
	}

}
