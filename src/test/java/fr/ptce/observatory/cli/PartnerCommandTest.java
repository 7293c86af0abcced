package fr.ptce.observatory.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.cli.CommandLineTest.Run;
import fr.ptce.observatory.launch.H2Migrations;
import fr.ptce.observatory.launch.SchemaVersion;
import fr.ptce.observatory.schedule.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code partner token issue|list|revoke} and {@code partner audit} from the command
 * line, on the H2 database of the data directory, also while a server holds it.
 */
class PartnerCommandTest {

	@TempDir
	Path dir;

	Run partner(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--data-dir";
		all[1] = dir.toString();
		all[2] = "partner";
		System.arraycopy(args, 0, all, 3, args.length);
		return CommandLineTest.run(all);
	}

	@Test
	void issueListAndRevokeATokenWhoseValueIsShownOnceOnTheLastLine() {
		Run issued = partner("token", "issue", "LABO_ESS", "--label", "tableau de bord", "--expires", "30d");
		assertThat(issued.status()).as(issued.err()).isZero();
		List<String> lines = issued.out().lines().toList();
		String token = lines.get(lines.size() - 1);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		String id = lines.get(0).split(" ")[1];
		assertThat(id).matches("tk-[0-9a-f]{12}");

		Run list = partner("token", "list");
		assertThat(list.status()).isZero();
		assertThat(list.out()).startsWith(id)
			.contains("LABO_ESS", "\"tableau de bord\"", "last used never", "active")
			.doesNotContain(token);

		assertThat(partner("token", "revoke", id).status()).isZero();
		assertThat(partner("token", "list").out()).contains(id).contains("revoked");
		Run unknown = partner("token", "revoke", "tk-000000000000");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("no token tk-000000000000");
	}

	@Test
	void withAndWithoutSpringTheSameTokensAndAudit() {
		// given a token issued without Spring (the default embedded database, nothing
		// that could move it) and one through the Spring application (a Spring property
		// given, as it used to be)
		Run direct = partner("token", "issue", "LABO_ESS", "--label", "direct");
		Run spring = CommandLineTest.run("--data-dir", dir.toString(), "--spring.main.banner-mode=off", "partner",
				"token", "issue", "RTES", "--label", "spring");
		assertThat(direct.status()).as(direct.err()).isZero();
		assertThat(spring.status()).as(spring.err()).isZero();

		// when each way lists the tokens and the audit
		Run listDirect = partner("token", "list");
		Run listSpring = CommandLineTest.run("--data-dir", dir.toString(), "--spring.main.banner-mode=off", "partner",
				"token", "list");
		Run auditDirect = partner("audit");
		Run auditSpring = CommandLineTest.run("--data-dir", dir.toString(), "--spring.main.banner-mode=off", "partner",
				"audit");

		// then both see both tokens, the same way
		assertThat(listDirect.out()).isEqualTo(listSpring.out())
			.contains(direct.out().lines().findFirst().orElseThrow().split(" ")[1],
					spring.out().lines().findFirst().orElseThrow().split(" ")[1])
			.contains("\"direct\"", "\"spring\"");
		assertThat(auditDirect.out()).isEqualTo(auditSpring.out()).isEqualTo("no request recorded\n");
	}

	@Test
	void aSchemaBehindTheJarsIsMigratedByTheSpringApplicationFirst() throws Exception {
		// given a database whose schema stops before the partner tables (V5)
		String url = DirectDatabase.url(dir);
		H2Migrations.migrateTo(url, "4");

		// when a token is issued
		Run issued = partner("token", "issue", "RTES");

		// then Flyway migrated it first (the command without Spring would not find the
		// table)
		assertThat(issued.status()).as(issued.err()).isZero();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			assertThat(SchemaVersion.isCurrent(connection)).isTrue();
		}
		assertThat(partner("token", "list").out()).contains("RTES");
	}

	@Test
	void aPartnersFileGivenIsTheOneTokensAreIssuedFor() throws Exception {
		Path partners = dir.resolve("partners.csv");
		Files.writeString(partners, "partner,name,networks,contact\nSOLO,Solo,RTES,\n");
		Run solo = CommandLineTest.run("--data-dir", dir.resolve("data").toString(), "--partners", partners.toString(),
				"partner", "token", "issue", "SOLO");
		assertThat(solo.status()).as(solo.err()).isZero();
		Run bundled = CommandLineTest.run("--data-dir", dir.resolve("data").toString(), "--partners",
				partners.toString(), "partner", "token", "issue", "RTES");
		assertThat(bundled.status()).isEqualTo(2);
		assertThat(bundled.err()).contains("unknown partner 'RTES'", "SOLO");
	}

	@Test
	void theHelpNamesThePartnerCommands() {
		assertThat(CommandLineTest.run("--help").out()).contains("partner");
		assertThat(CommandLineTest.run("partner", "token", "--help").out()).contains("issue", "list", "revoke");
		assertThat(CommandLineTest.run("partner", "token", "issue", "--help").out()).contains("--expires", "--label",
				"tail -1");
	}

	@Test
	void wrongPartnersAndDurationsAreUsageErrors() {
		Run nobody = partner("token", "issue", "NOBODY");
		assertThat(nobody.status()).isEqualTo(2);
		assertThat(nobody.err()).contains("unknown partner 'NOBODY'", "LABO_ESS");
		Run soon = partner("token", "issue", "RTES", "--expires", "soon");
		assertThat(soon.status()).isEqualTo(2);
		assertThat(soon.err()).contains("--expires 'soon'");
		assertThat(partner("audit", "--since", "yesterday").status()).isEqualTo(2);
		assertThat(partner().status()).isEqualTo(2);
		assertThat(partner("token").status()).isEqualTo(2);
	}

	/**
	 * Holds the data directory's H2 database without H2's server mode, as a process that
	 * shares nothing would.
	 */
	public static final class DatabaseHolder {

		public static void main(String[] args) throws Exception {
			try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
				System.out.println("HOLDING");
				System.out.flush();
				System.in.transferTo(java.io.OutputStream.nullOutputStream());
			}
		}

	}

	@Test
	void aDatabaseHeldByAnotherProcessIsRefusedWithTheWayOut() throws Exception {
		assertThat(partner("token", "list").status()).isZero();
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), DatabaseHolder.class.getName(),
				dir.resolve("db/observatory").toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		try {
			String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()))
				.readLine();
			assertThat(first).isEqualTo("HOLDING");
			Run refused = partner("token", "list");
			assertThat(refused.status()).isEqualTo(1);
			assertThat(refused.err()).contains("held by a running server (observatory serve)",
					"GET /api/partners/tokens");
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor();
		}
	}

	@Test
	void theAuditIsReadWhileTheServerHoldsTheDatabase() throws Exception {
		try (ConfigurableApplicationContext server = TestServers.serve(dir, TestServers.Database.h2(), true,
				Map.of())) {
			// a token issued from the command line works at once on the server (here in
			// the same JVM, which shares the
			// embedded database; from another process the command is refused, as the test
			// above shows)
			Run issued = partner("token", "issue", "RTES");
			assertThat(issued.status()).as(issued.err()).isZero();
			List<String> lines = issued.out().lines().toList();
			String token = lines.get(lines.size() - 1);
			String base = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> listing = http.send(HttpRequest.newBuilder(URI.create(base + "/partners/v1/extracts"))
				.header("Authorization", "Bearer " + token)
				.header("User-Agent", "cli-test")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(listing.statusCode()).isEqualTo(200);
			http.send(HttpRequest.newBuilder(URI.create(base + "/partners/v1/extracts")).build(),
					HttpResponse.BodyHandlers.ofString());

			Run audit = partner("audit", "--partner", "RTES");
			assertThat(audit.status()).as(audit.err()).isZero();
			assertThat(audit.out()).contains("RTES", "GET /partners/v1/extracts", "200", "\"cli-test\"")
				.doesNotContain(token);
			Run all = partner("audit", "--since", "2020-01-01T00:00:00Z");
			assertThat(all.out().lines().count()).isEqualTo(2);
			assertThat(all.out().lines().findFirst().orElseThrow()).contains("401");
			assertThat(partner("audit", "--partner", "MES").out()).contains("no request recorded for MES");
		}
	}

}
