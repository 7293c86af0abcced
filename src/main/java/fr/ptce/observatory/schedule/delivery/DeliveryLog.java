package fr.ptce.observatory.schedule.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The OBS_DELIVERY table: every e-mail delivery, its status, attempts and last error. */
@Repository
public class DeliveryLog {

	/** One delivery as stored. */
	public record Delivery(long id, int year, String recipient, String subject, String body, String attachment,
			String status, int attempts, String lastError) {
	}

	public static final String PENDING = "PENDING";

	public static final String SENT = "SENT";

	public static final String FAILED = "FAILED";

	private final JdbcTemplate jdbc;

	public DeliveryLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long create(int year, String recipient, String subject, String body, String attachment) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.update(con -> {
			var ps = con.prepareStatement(
					"INSERT INTO OBS_DELIVERY (REPORT_YEAR, RECIPIENT, SUBJECT, BODY, ATTACHMENT, "
							+ "STATUS, ATTEMPTS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
					new String[] { "ID" });
			ps.setInt(1, year);
			ps.setString(2, recipient);
			ps.setString(3, subject);
			ps.setString(4, body);
			ps.setString(5, attachment);
			ps.setString(6, PENDING);
			ps.setTimestamp(7, now);
			ps.setTimestamp(8, now);
			return ps;
		}, keys);
		Map<String, Object> generated = keys.getKeys();
		Object id = generated.size() == 1 ? generated.values().iterator().next() : generated.get("ID");
		if (id == null) {
			id = generated.get("id");
		}
		return ((Number) id).longValue();
	}

	public void attempted(long id, String status, String error) {
		jdbc.update(
				"UPDATE OBS_DELIVERY SET STATUS = ?, ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = ?, UPDATED_AT = ? "
						+ "WHERE ID = ?",
				status, error == null ? null : truncate(error), Timestamp.from(Instant.now()), id);
	}

	public void markFailed(long id) {
		jdbc.update("UPDATE OBS_DELIVERY SET STATUS = ?, UPDATED_AT = ? WHERE ID = ?", FAILED,
				Timestamp.from(Instant.now()), id);
	}

	public Delivery find(long id) {
		return jdbc
			.query("SELECT * FROM OBS_DELIVERY WHERE ID = ?",
					(rs, n) -> new Delivery(rs.getLong("ID"), rs.getInt("REPORT_YEAR"), rs.getString("RECIPIENT"),
							rs.getString("SUBJECT"), rs.getString("BODY"), rs.getString("ATTACHMENT"),
							rs.getString("STATUS"), rs.getInt("ATTEMPTS"), rs.getString("LAST_ERROR")),
					id)
			.stream()
			.findFirst()
			.orElse(null);
	}

	public List<Long> pending() {
		return jdbc.queryForList("SELECT ID FROM OBS_DELIVERY WHERE STATUS = ? ORDER BY ID", Long.class, PENDING);
	}

	/** The latest deliveries, newest first, without their body. */
	public List<Map<String, Object>> list(int limit) {
		return jdbc.queryForList("SELECT ID, REPORT_YEAR, RECIPIENT, ATTACHMENT, STATUS, ATTEMPTS, LAST_ERROR, "
				+ "CREATED_AT, UPDATED_AT FROM OBS_DELIVERY ORDER BY ID DESC LIMIT " + Math.max(1, limit));
	}

	private static String truncate(String s) {
		return s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
	}

}
