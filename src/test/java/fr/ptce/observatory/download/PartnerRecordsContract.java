package fr.ptce.observatory.download;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.download.DownloadAudit.Entry;
import fr.ptce.observatory.download.PartnerTokens.Issued;
import fr.ptce.observatory.download.PartnerTokens.TokenRecord;
import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of migration V5 on each database (H2 and PostgreSQL): tokens stored as their
 * SHA-256 only, found, expired and revoked at once, their last use kept; audit rows
 * written and read back latest first, by partner and instant, with what a client sent
 * made fit for a column (a NUL byte, which PostgreSQL refuses, a line break).
 */
abstract class PartnerRecordsContract {

	@TempDir
	Path dataDir;

	abstract TestServers.Database database() throws Exception;

	@Test
	void tokensAreKeptAsTheirDigestAndRefusedOnceExpiredOrRevoked() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(), Map.of())) {
			PartnerTokens tokens = context.getBean(PartnerTokens.class);
			Issued a = tokens.issue("LABO_ESS", Duration.ofDays(365), "a");
			Issued b = tokens.issue("RTES", Duration.ofMillis(1), null);

			String stored = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT TOKEN_SHA256 FROM OBS_PARTNER_TOKEN WHERE ID = ?", String.class,
						a.record().id());
			assertThat(stored).isEqualTo(PartnerTokens.digest(a.token())).doesNotContain(a.token());
			TokenRecord found = tokens.authenticate(a.token()).orElseThrow();
			assertThat(found.partner()).isEqualTo("LABO_ESS");
			assertThat(found.expires()).isAfter(Instant.now().plus(Duration.ofDays(364)));
			assertThat(tokens.find(a.record().id()).orElseThrow().lastUsed()).isNotNull();
			Thread.sleep(5);
			assertThat(tokens.authenticate(b.token())).isEmpty();
			assertThat(tokens.find(b.record().id()).orElseThrow().state(tokens.now())).isEqualTo("expired");
			assertThat(tokens.revoke(a.record().id())).isTrue();
			assertThat(tokens.authenticate(a.token())).isEmpty();
			assertThat(tokens.revoke("tk-unknown")).isFalse();
			assertThat(tokens.list()).extracting(TokenRecord::id).containsExactly(a.record().id(), b.record().id());
		}
	}

	@Test
	void auditRowsAreReadBackLatestFirstByPartnerAndInstant() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(), Map.of())) {
			DownloadAudit audit = context.getBean(DownloadAudit.class);
			Instant t0 = Instant.parse("2026-04-01T10:00:00Z");
			audit.record(new Entry(0, t0, "LABO_ESS", "tk-1", "token", "GET", "/partners/v1/extracts", null, 200, 812,
					"127.0.0.1", "curl/8"));
			audit.record(new Entry(0, t0.plusSeconds(60), null, null, null, "GET", "/partners/v1/x\u0000y\nz",
					"bytes=0-", 401, 24, "127.0.0.1", "bad\r\nagent" + "x".repeat(600)));
			audit.record(new Entry(0, t0.plusSeconds(120), "LABO_ESS", null, "link", "HEAD", "/partners/v1/dl/a",
					"bytes=0-9", 206, 0, "::1", null));

			List<Entry> all = audit.list(null, null, 10);
			assertThat(all).extracting(Entry::status).containsExactly(206, 401, 200);
			assertThat(all.get(1).path()).isEqualTo("/partners/v1/x?y?z");
			assertThat(all.get(1).userAgent()).startsWith("bad??agent").hasSize(500);
			assertThat(all.get(2).at()).isEqualTo(t0);
			assertThat(all.get(2).bytesSent()).isEqualTo(812);
			assertThat(audit.list("LABO_ESS", null, 10)).extracting(Entry::status).containsExactly(206, 200);
			assertThat(audit.list(null, t0.plusSeconds(60), 10)).extracting(Entry::status).containsExactly(206, 401);
			assertThat(audit.list(null, null, 1)).hasSize(1);
		}
	}

	@Test
	void auditRecordsOlderThanTheRetentionAreDeletedAndNoOthers() throws Exception {
		try (ConfigurableApplicationContext context = TestServers.command(dataDir, database(), Map.of())) {
			// given records of 400, 366 and 364 days ago, and of today
			DownloadAudit audit = context.getBean(DownloadAudit.class);
			Instant now = Instant.parse("2026-12-01T09:00:00Z");
			for (int days : new int[] { 400, 366, 364, 0 }) {
				audit.record(new Entry(0, now.minus(Duration.ofDays(days)), "RTES", "tk-1", "token", "GET",
						"/partners/v1/extracts/" + days, null, 200, 1, "127.0.0.1", null));
			}

			// when the retention of a year is applied
			AuditRetention retention = new AuditRetention(audit, Duration.ofDays(365),
					Clock.fixed(now, ZoneOffset.UTC));
			int deleted = retention.pruneNow();

			// then the two older records are gone, the others kept; a retention of 0
			// keeps everything
			assertThat(deleted).isEqualTo(2);
			assertThat(audit.list(null, null, 10)).extracting(Entry::path)
				.containsExactly("/partners/v1/extracts/0", "/partners/v1/extracts/364");
			assertThat(new AuditRetention(audit, Duration.ZERO,
					Clock.fixed(now.plus(Duration.ofDays(999)), ZoneOffset.UTC))
				.pruneNow()).isZero();
			assertThat(audit.list(null, null, 10)).hasSize(2);
		}
	}

}
