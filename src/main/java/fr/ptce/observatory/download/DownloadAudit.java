package fr.ptce.observatory.download;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The audit of the download service (OBS_PARTNER_DOWNLOAD): one row per request to
 * /partners/v1, answered or refused. What is stored is chosen so that a row never holds a
 * secret: the token's id, never the token; the path without its query string, so never a
 * link's signature.
 */
@Repository
public class DownloadAudit {

	/** One request. {@code via} is "token", "link" or null (no valid credential). */
	public record Entry(long id, Instant at, String partner, String tokenId, String via, String method, String path,
			String range, int status, long bytesSent, String client, String userAgent) {
	}

	private final JdbcTemplate jdbc;

	public DownloadAudit(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Entry e) {
		jdbc.update(
				"INSERT INTO OBS_PARTNER_DOWNLOAD (REQUESTED_AT, PARTNER, TOKEN_ID, VIA, METHOD, PATH, RANGE_HEADER,"
						+ " STATUS, BYTES_SENT, CLIENT, USER_AGENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				PartnerTokens.utc(e.at()), e.partner(), e.tokenId(), e.via(), clean(e.method(), 10),
				clean(e.path(), 1000), clean(e.range(), 200), e.status(), e.bytesSent(), clean(e.client(), 100),
				clean(e.userAgent(), 500));
	}

	/**
	 * Deletes the records older than an instant (the retention of
	 * {@link AuditRetention}), in one statement.
	 * @return how many were deleted
	 */
	public int prune(Instant before) {
		return jdbc.update("DELETE FROM OBS_PARTNER_DOWNLOAD WHERE REQUESTED_AT < ?", PartnerTokens.utc(before));
	}

	/**
	 * The latest records first, of one partner or all, from an instant on (inclusive).
	 */
	public List<Entry> list(String partner, Instant since, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM OBS_PARTNER_DOWNLOAD WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (partner != null) {
			sql.append(" AND PARTNER = ?");
			args.add(partner);
		}
		if (since != null) {
			sql.append(" AND REQUESTED_AT >= ?");
			args.add(PartnerTokens.utc(since));
		}
		sql.append(" ORDER BY REQUESTED_AT DESC, ID DESC FETCH FIRST ").append(Math.max(1, limit)).append(" ROWS ONLY");
		return jdbc.query(sql.toString(), DownloadAudit::entry, args.toArray());
	}

	/**
	 * Text as a client sent it, made fit for a column: control characters (a NUL, which
	 * PostgreSQL refuses, a line break that would forge a line of {@code partner audit})
	 * become '?', and the length is bounded.
	 */
	static String clean(String s, int max) {
		if (s == null) {
			return null;
		}
		StringBuilder b = new StringBuilder(Math.min(s.length(), max));
		for (int i = 0; i < s.length() && b.length() < max; i++) {
			char c = s.charAt(i);
			b.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
		}
		return b.toString();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("ID"), PartnerTokens.instant(rs, "REQUESTED_AT"), rs.getString("PARTNER"),
				rs.getString("TOKEN_ID"), rs.getString("VIA"), rs.getString("METHOD"), rs.getString("PATH"),
				rs.getString("RANGE_HEADER"), rs.getInt("STATUS"), rs.getLong("BYTES_SENT"), rs.getString("CLIENT"),
				rs.getString("USER_AGENT"));
	}

}
