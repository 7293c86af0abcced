package fr.ptce.observatory.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import fr.ptce.observatory.download.DownloadAudit;
import fr.ptce.observatory.download.DownloadAudit.Entry;
import fr.ptce.observatory.download.PartnerAccess;
import fr.ptce.observatory.download.PartnerTokens;
import fr.ptce.observatory.download.PartnerTokens.Issued;
import fr.ptce.observatory.download.PartnerTokens.TokenRecord;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.partners.PartnersConfiguration;
import fr.ptce.observatory.warehouse.Timestamps;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code partner token issue|list|revoke} and {@code partner audit} (extracts.md): the
 * partners' download tokens and the audit of the download service, in the job
 * repository's database. While {@code serve} holds the embedded database (H2 listens on
 * no port) the command refuses and points to the operator API, which does the same.
 */
@Command(name = PartnerCommand.NAME, mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
		description = "Partner download tokens and the download audit (see docs/partners.md).",
		subcommands = { PartnerCommand.Token.class, PartnerCommand.Audit.class })
public class PartnerCommand implements Runnable {

	static final String NAME = "partner";

	@ParentCommand
	ObservatoryCommand root;

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new UsageException("give a command: partner token issue|list|revoke, or partner audit");
	}

	/**
	 * Runs with a PartnerAccess on the data directory's database; a database another
	 * process holds is said as such. Without Spring where {@code status} goes without it
	 * (the default embedded database, nothing that could move it) and the schema is
	 * current or the database new: the tokens and the audit are a table each, read and
	 * written by plain JDBC statements either way.
	 */
	<T> T withAccess(Function<PartnerAccess, T> work) {
		if (DirectDatabase.applies(root.global)) {
			CommandLogging.apply();
			// the files given, checked as when Spring starts: the registry, then the
			// partners file, which this command reads
			root.global.checkGivenRegistry();
			Partners partners = PartnersConfiguration.partners(root.global.partnersProperty());
			Optional<Connection> direct = directConnection();
			if (direct.isPresent()) {
				try (Connection connection = direct.get()) {
					JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
					// CommandApplication's clock
					return work.apply(new PartnerAccess(new PartnerTokens(jdbc, Clock.systemUTC()),
							new DownloadAudit(jdbc), partners));
				}
				catch (SQLException ex) {
					throw new IllegalStateException("cannot close the database: " + ex.getMessage(), ex);
				}
			}
		}
		return withApplication(work);
	}

	/**
	 * The database opened directly (created when new, as ApplicationContexts would);
	 * empty when its schema is behind the jar's.
	 */
	private Optional<Connection> directConnection() {
		try {
			return DirectDatabase.openCurrent(root.global.dataDir().toAbsolutePath().normalize());
		}
		catch (SQLException ex) {
			throw heldOr(ex);
		}
	}

	/** With the command's Spring application. */
	private <T> T withApplication(Function<PartnerAccess, T> work) {
		ConfigurableApplicationContext context;
		try {
			context = ApplicationContexts.start(root.global, root.global.dataDir());
		}
		catch (RuntimeException ex) {
			throw heldOr(ex);
		}
		try (context) {
			return work.apply(context.getBean(PartnerAccess.class));
		}
	}

	/**
	 * A database held by a server said with the operator API's ways to do the same; any
	 * other failure as it is.
	 */
	private static RuntimeException heldOr(Exception ex) {
		if (Failures.heldByAServer(ex)) {
			// no cause: the one line printed is this one, not the database's own
			return new IllegalStateException(Failures.HELD_BY_A_SERVER + " (POST /api/partners/CODE/tokens, "
					+ "GET /api/partners/tokens, DELETE /api/partners/tokens/ID, GET /api/partner-downloads)");
		}
		return ex instanceof RuntimeException runtime ? runtime
				: new IllegalStateException("cannot open the database: " + ex.getMessage(), ex);
	}

	@Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
			description = "Issue, list and revoke partner download tokens.",
			subcommands = { Issue.class, ListTokens.class, Revoke.class })
	static class Token implements Runnable {

		@ParentCommand
		PartnerCommand partner;

		@Override
		public void run() {
			throw new UsageException(
					"give a command: partner token issue CODE, partner token list, partner token revoke ID");
		}

	}

	@Command(name = "issue", mixinStandardHelpOptions = true, description = { "Issues a token for a partner of the "
			+ "partners file. Prints its id, then the token alone on the last line (shown once, only its SHA-256 is "
			+ "kept): TOKEN=$(observatory partner token issue CODE | tail -1)" })
	static class Issue implements Callable<Integer> {

		@ParentCommand
		Token token;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "CODE", description = "the partner's code, as in the partners file")
		String code;

		@Option(names = "--expires", paramLabel = "DURATION",
				description = "validity: 365d (default), 90d, 12h, P30D...")
		String expires;

		@Option(names = "--label", paramLabel = "TEXT", description = "what the token is for, for the list")
		String label;

		@Override
		public Integer call() {
			Issued issued;
			try {
				issued = token.partner.withAccess(a -> a.issue(code, expires, label));
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException(ex.getMessage());
			}
			PrintWriter out = spec.commandLine().getOut();
			TokenRecord r = issued.record();
			out.println("token " + r.id() + " for " + r.partner() + ", valid until " + r.expires()
					+ " (keep it now: it is not shown again)");
			out.println(issued.token());
			out.flush();
			return 0;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the tokens, one a line: id, partner, label, created, expires, last used, state.")
	static class ListTokens implements Callable<Integer> {

		@ParentCommand
		Token token;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			token.partner.withAccess(a -> {
				Instant now = a.now();
				List<TokenRecord> all = a.tokens();
				if (all.isEmpty()) {
					out.println("no token yet");
				}
				for (TokenRecord t : all) {
					out.printf("%s  %-12s  %-24s  created %s  expires %s  last used %s  %s%n", t.id(), t.partner(),
							t.label() == null ? "-" : '"' + t.label() + '"', t.created(), t.expires(),
							t.lastUsed() == null ? "never" : t.lastUsed(), t.state(now));
				}
				return null;
			});
			out.flush();
			return 0;
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revokes a token at once: the next request with it is refused (401).")
	static class Revoke implements Callable<Integer> {

		@ParentCommand
		Token token;

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ID", description = "the token's id (partner token list)")
		String id;

		@Override
		public Integer call() {
			if (!token.partner.withAccess(a -> a.revoke(id))) {
				throw new UsageException("no token " + id + " (see partner token list)");
			}
			spec.commandLine().getOut().println("token " + id + " revoked");
			spec.commandLine().getOut().flush();
			return 0;
		}

	}

	@Command(name = "audit", mixinStandardHelpOptions = true, description = "Prints the download service's audit, "
			+ "latest first: instant, partner, token id, method, path, range, status, bytes sent, client, user agent.")
	static class Audit implements Callable<Integer> {

		@ParentCommand
		PartnerCommand partner;

		@Spec
		CommandSpec spec;

		@Option(names = "--partner", paramLabel = "CODE", description = "only this partner's requests")
		String code;

		@Option(names = "--since", paramLabel = "INSTANT", description = "only from this instant on (ISO-8601)")
		String since;

		@Option(names = "--limit", paramLabel = "N", defaultValue = "100",
				description = "at most N records (default: ${DEFAULT-VALUE})")
		int limit;

		@Override
		public Integer call() {
			Instant from;
			try {
				from = since == null ? null : Timestamps.parseInstant(since);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException("--since " + ex.getMessage());
			}
			if (limit < 1) {
				throw new UsageException("--limit must be at least 1");
			}
			PrintWriter out = spec.commandLine().getOut();
			List<Entry> entries = partner.withAccess(a -> a.audit(code, from, limit));
			if (entries.isEmpty()) {
				out.println("no request recorded" + (code == null ? "" : " for " + code));
			}
			for (Entry e : entries) {
				String who = e.tokenId() != null ? e.tokenId() : e.via() != null ? e.via() : "-";
				out.printf("%s  %-10s  %-15s  %s %s  range %s  %d  %d bytes  %s  %s%n", e.at(),
						e.partner() == null ? "-" : e.partner(), who, e.method(), e.path(),
						e.range() == null ? "-" : e.range(), e.status(), e.bytesSent(), e.client(),
						e.userAgent() == null ? "-" : '"' + e.userAgent() + '"');
			}
			out.flush();
			return 0;
		}

	}

}
