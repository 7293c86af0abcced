package fr.ptce.observatory.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import fr.ptce.observatory.warehouse.Sha256;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless chromium) over a real server on the
 * demo's data: sign-in with each kind of token, every page walked (screenshot and
 * axe-core on each), a backfill previewed then run and the grid changed, a schedule
 * paused and resumed, a PDF and an extract downloaded and checked against their SHA-256,
 * a partner refused another partner's page exactly as a page that does not exist, forms
 * refused without their CSRF token. One server and one browser for the class.
 */
class ConsoleBrowserTest {

	@TempDir
	static Path dataDir;

	static ConsoleServer server;

	static Browser browser;

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * Every line the server logs while the tests run (after its start, which resets
	 * Logback's appenders).
	 */
	static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	@BeforeAll
	static void start() throws Exception {
		server = ConsoleServer.demo(dataDir);
		logs.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
		browser = new Browser(server.base);
	}

	@AfterAll
	static void stop() throws Exception {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	/** Screenshot, then axe-core: no serious or critical violation. */
	static void check(String name) throws Exception {
		browser.screenshot(name);
		assertThat(browser.axeViolations()).as("axe-core on " + name + " (" + browser.driver.getCurrentUrl() + ")")
			.isEmpty();
		assertThat(browser.driver.getPageSource()).doesNotContain(ConsoleServer.OPERATOR_TOKEN)
			.doesNotContain(ConsoleServer.READ_TOKEN);
	}

	@Test
	void theOperatorWalksEveryPage() throws Exception {
		browser.driver.manage().deleteAllCookies();
		browser.open("/executions");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/connexion");
		check("00-connexion");
		browser.signIn(ConsoleServer.OPERATOR_TOKEN);
		assertThat(browser.driver.getCurrentUrl()).endsWith("/executions").doesNotContain(ConsoleServer.OPERATOR_TOKEN);
		assertThat(browser.h1()).isEqualTo("Exécutions");
		assertThat(browser.all("tbody tr").size()).isGreaterThanOrEqualTo(4);
		check("01-executions");
		browser.clickAndWait(browser.find("tbody tr th a"));
		assertThat(browser.h1()).startsWith("Exécution ");
		assertThat(browser.find("main").getText()).contains("Lues").contains("Écrites").contains("Filtrées");
		check("02-execution");
		String[][] pages = { { "/partitions", "Partitions (étape × année)", "03-partitions" },
				{ "/rattrapages", "Rattrapages", "04-rattrapages" }, { "/lancer", "Lancer une exécution", "05-lancer" },
				{ "/planifications", "Planifications", "06-planifications" },
				{ "/envois", "Envois par courriel", "06b-envois" }, { "/fichiers", "Fichiers reçus", "07-fichiers" },
				{ "/publications", "Publications", "09-publications" },
				{ "/extraits", "Extraits des partenaires", "11-extraits" },
				{ "/extraits/LABO_ESS", "Extraits de LABO_ESS", "12-extraits-partenaire" },
				{ "/jetons", "Jetons des partenaires", "13-jetons" },
				{ "/telechargements", "Journal des téléchargements", "14-telechargements" } };
		for (String[] page : pages) {
			browser.open(page[0]);
			assertThat(browser.h1()).as(page[0]).isEqualTo(page[1]);
			check(page[2]);
		}
		browser.open("/fichiers");
		browser.clickAndWait(
				browser.driver.findElement(By.xpath("(//tbody/tr[td[6][normalize-space(text())!='0']]/th/a)[1]")));
		assertThat(browser.h1()).startsWith("Accusé de réception");
		assertThat(browser.all("main table tbody tr")).isNotEmpty();
		assertThat(browser.find("main").getText()).contains("Anomalies du fichier, par ligne");
		check("08-fichier");
		browser.open("/publications");
		browser.clickAndWait(browser.find("a[href^='/publications/']"));
		assertThat(browser.h1()).startsWith("Publication 2025");
		assertThat(browser.find("main").getText()).contains("Chiffres clés 2025")
			.contains("Structures membres du pôle")
			.contains("Part des financements publics");
		check("10-publication");
	}

	@Test
	void aBackfillIsPreviewedThenRunAndTheGridChanges() throws Exception {
		browser.signIn(ConsoleServer.OPERATOR_TOKEN);
		browser.open("/partitions");
		WebElement before = cell("publication", 2024);
		assertThat(before.getText()).startsWith("–").contains("jamais exécutée");
		assertThat(before.getAttribute("class")).isEqualTo("etat-NONE");

		// the preview: the API's own plan, nothing started
		browser.open("/rattrapages");
		fillBackfill("2023", "2024");
		browser.clickAndWait(browser.find("button[value=apercu]"));
		assertThat(browser.find("main").getText()).contains("Aperçu : ce qui serait fait")
			.contains("2 partition(s) à exécuter, 0 ignorée(s)");
		List<WebElement> plan = browser.all("section[aria-labelledby=apercu] tbody tr");
		assertThat(plan).hasSize(2);
		assertThat(plan.get(0).getText()).contains("publication")
			.contains("2023")
			.contains("jamais exécutée")
			.contains("exécuter");
		check("15-rattrapage-apercu");
		browser.open("/partitions");
		assertThat(cell("publication", 2024).getText()).startsWith("–");

		// then the real one, for 2024 only, followed until it ends
		browser.open("/rattrapages");
		fillBackfill("2024", "2024");
		browser.clickAndWait(browser.find("button[value=lancer]"));
		String page = browser.driver.getCurrentUrl();
		assertThat(page).matches(".*/rattrapages/backfill-[0-9]+");
		String path = page.substring(server.base.length());
		HttpResponse<String> going = get(path, browser.session().getValue());
		if (going.body().contains("Ce rattrapage est en cours")) {
			// a page of something going on refreshes itself, and says how to stop that
			// (WCAG 2.2.1)
			assertThat(going.headers().firstValue("Refresh")).contains("5");
			assertThat(going.body()).contains("Arrêter la mise à jour automatique");
			assertThat(get(path + "?auto=non", browser.session().getValue()).headers().firstValue("Refresh")).isEmpty();
		}
		browser.open(path + "?auto=non");
		check("16-rattrapage");
		for (int i = 0; i < 600 && !browser.find("main").getText().contains("Terminé."); i++) {
			Thread.sleep(500);
			browser.driver.navigate().refresh();
		}
		assertThat(browser.find("main").getText()).contains("Terminé.").contains("1 terminée(s), 0 échouée(s)");
		browser.open("/partitions");
		WebElement after = cell("publication", 2024);
		assertThat(after.getText()).isEqualTo("✓");
		assertThat(after.getAttribute("class")).isEqualTo("etat-COMPLETED");
		assertThat(cell("publication", 2023).getText()).startsWith("–");
		check("17-partitions-apres");
		browser.clickAndWait(after.findElement(By.tagName("a")));
		assertThat(browser.h1()).endsWith(": publication");
		assertThat(browser.find("main").getText()).contains("year=2024").contains("terminée");
		assertThat(Files.isRegularFile(dataDir.resolve("publications/2024/manifest.json"))).isTrue();
	}

	private static void fillBackfill(String from, String to) {
		browser.find("#from").clear();
		browser.find("#from").sendKeys(from);
		browser.find("#to").clear();
		browser.find("#to").sendKeys(to);
		for (String step : new String[] { "aggregate", "report", "extract" }) {
			WebElement box = browser.find("#step-" + step);
			if (box.isSelected() != step.equals("report")) {
				box.click();
			}
		}
	}

	/** The grid's cell of a step (as the page names it) and a year. */
	private static WebElement cell(String step, int year) {
		List<WebElement> headers = browser.all("table.grille thead th");
		int column = -1;
		for (int i = 0; i < headers.size(); i++) {
			if (headers.get(i).getText().equals(Integer.toString(year))) {
				column = i;
			}
		}
		for (WebElement row : browser.all("table.grille tbody tr")) {
			if (row.findElement(By.tagName("th")).getText().equals(step)) {
				return row.findElements(By.tagName("td")).get(column - 1);
			}
		}
		throw new AssertionError("no cell " + step + " " + year);
	}

	@Test
	void theOperatorPausesAndResumesASchedule() throws Exception {
		browser.signIn(ConsoleServer.OPERATOR_TOKEN);
		browser.open("/planifications");
		assertThat(row("aggregate-nightly").getText()).contains("▶ active").doesNotContain("suspendue");
		browser.clickAndWait(row("aggregate-nightly").findElement(By.tagName("button")));
		assertThat(row("aggregate-nightly").getText()).contains("⏸ suspendue").contains("Reprendre");
		assertThat(row("ingest-inbox").getText()).contains("▶ active");
		check("18-planification-suspendue");
		browser.clickAndWait(row("aggregate-nightly").findElement(By.tagName("button")));
		assertThat(row("aggregate-nightly").getText()).contains("▶ active").contains("Suspendre");
	}

	private static WebElement row(String name) {
		return browser.driver.findElement(By.xpath("//tbody/tr[th[normalize-space(text())='" + name + "']]"));
	}

	@Test
	void theReaderSeesEverythingAndChangesNothing() throws Exception {
		browser.signIn(ConsoleServer.READ_TOKEN);
		assertThat(browser.h1()).isEqualTo("Exécutions");
		assertThat(browser.find("header").getText()).contains("Accès lecture seule");
		browser.open("/planifications");
		assertThat(browser.all("main button")).isEmpty();
		browser.open("/jetons");
		assertThat(browser.all("main form")).isEmpty();
		browser.open("/lancer");
		assertThat(browser.find("main").getText()).contains("lecture seule");
		check("19-lecture-seule");

		// posting an action anyway, with the session's CSRF token: refused (403), nothing
		// paused
		String cookie = browser.session().getValue();
		String csrf = browser.find("header input[name=_csrf]").getAttribute("value");
		HttpResponse<String> refused = post("/planifications/aggregate-nightly/suspendre", cookie, "_csrf=" + csrf);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("lecture seule");
		browser.open("/planifications");
		assertThat(row("aggregate-nightly").getText()).contains("▶ active");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		browser.signIn(ConsoleServer.OPERATOR_TOKEN);
		String cookie = browser.session().getValue();
		HttpResponse<String> none = post("/planifications/ingest-inbox/suspendre", cookie, "");
		HttpResponse<String> wrong = post("/planifications/ingest-inbox/suspendre", cookie, "_csrf=not-the-token");
		assertThat(none.statusCode()).isEqualTo(403);
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(none.body()).contains("Ce formulaire a expiré");
		// a sign-in posted from elsewhere (no session, so no CSRF token) is refused as
		// well
		assertThat(post("/connexion", null, "token=" + ConsoleServer.OPERATOR_TOKEN).statusCode()).isEqualTo(403);
		browser.open("/planifications");
		assertThat(row("ingest-inbox").getText()).contains("▶ active");
		// and the same form with its token goes through
		String csrf = browser.find("header input[name=_csrf]").getAttribute("value");
		HttpResponse<String> accepted = post("/planifications/ingest-inbox/suspendre", cookie, "_csrf=" + csrf);
		assertThat(accepted.statusCode()).isEqualTo(302);
		post("/planifications/ingest-inbox/reprendre", cookie, "_csrf=" + csrf);
	}

	@Test
	void theSessionCookieIsHttpOnlyStrictAndTheTokenAppearsNowhere() throws Exception {
		HttpResponse<String> form = get("/connexion", null);
		String preCookie = cookieValue(form);
		String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> signedIn = post("/connexion", preCookie,
				"_csrf=" + csrf + "&token=" + ConsoleServer.OPERATOR_TOKEN);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).contains("HttpOnly")
			.contains("SameSite=Strict")
			.doesNotContain("Secure")
			.startsWith(ConsoleConfiguration.COOKIE + "=");
		String session = cookieValue(signedIn);
		assertThat(session).isNotEqualTo(preCookie);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow())
			.doesNotContain(ConsoleServer.OPERATOR_TOKEN);
		// the session used before sign-in is worth nothing afterwards
		assertThat(get("/executions", preCookie).statusCode()).isEqualTo(303);
		HttpResponse<String> page = get("/executions", session);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
		assertThat(page.body()).doesNotContain(ConsoleServer.OPERATOR_TOKEN).doesNotContain(";jsessionid");
		// a wrong token: the form again, 401, without the token given
		String csrf2 = get("/connexion", null).body();
		assertThat(csrf2).doesNotContain("value=\"" + ConsoleServer.OPERATOR_TOKEN);
		// signing out ends the session
		String pageCsrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		assertThat(post("/deconnexion", session, "_csrf=" + pageCsrf).statusCode()).isEqualTo(302);
		assertThat(get("/executions", session).statusCode()).isEqualTo(303);
		// the sign-ins were logged, and no line holds a token or a session id
		List<String> lines = new ArrayList<>();
		synchronized (logs) {
			logs.list.forEach(e -> lines.add(e.getFormattedMessage()));
		}
		assertThat(lines).anyMatch(l -> l.contains("console: operator signed in"));
		assertThat(String.join("\n", lines)).doesNotContain(ConsoleServer.OPERATOR_TOKEN)
			.doesNotContain(session)
			.doesNotContain(ConsoleServer.READ_TOKEN);
	}

	private static String cookieValue(HttpResponse<?> response) {
		String header = response.headers().firstValue("Set-Cookie").orElseThrow();
		return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
	}

	@Test
	void aPartnerSeesItsOwnExtractsAndDownloadsThem() throws Exception {
		String token = server.issue("LABO_ESS");
		browser.signIn(token);
		assertThat(browser.driver.getCurrentUrl()).endsWith("/extraits/LABO_ESS");
		assertThat(browser.h1()).isEqualTo("Extraits de LABO_ESS");
		assertThat(browser.find("header").getText()).contains("Partenaire LABO_ESS").doesNotContain("Exécutions");
		assertThat(browser.find("main").getText()).contains("Année 2025").contains("aggregates.parquet");
		assertThat(browser.driver.getPageSource()).doesNotContain(token);
		browser.find("details summary").click();
		check("20-partenaire-extraits");

		// an extract downloaded by the browser through its signed link: the SHA-256 the
		// page gives, the file's
		WebElement link = browser.driver.findElement(By.linkText("aggregates.parquet"));
		String shown = link.findElement(By.xpath("ancestor::tr//code")).getText();
		link.click();
		Path downloaded = browser.awaitDownload("aggregates.parquet");
		Path version = Files.list(dataDir.resolve("extracts/LABO_ESS/2025")).findFirst().orElseThrow();
		assertThat(sha256(downloaded)).isEqualTo(shown).isEqualTo(sha256(version.resolve("aggregates.parquet")));

		// another partner's page is the 404 of a page that does not exist, byte for byte;
		// staff pages too
		String cookie = browser.session().getValue();
		HttpResponse<String> other = get("/extraits/RTES", cookie);
		HttpResponse<String> nothing = get("/extraits/NO_SUCH_PARTNER", cookie);
		HttpResponse<String> staff = get("/executions", cookie);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(nothing.statusCode()).isEqualTo(404);
		assertThat(staff.statusCode()).isEqualTo(404);
		assertThat(other.body()).isEqualTo(nothing.body()).isEqualTo(staff.body());
		browser.open("/extraits/RTES");
		assertThat(browser.h1()).isEqualTo("Page introuvable");
		check("21-partenaire-404");
	}

	@Test
	void aPdfOfThePublicationsIsDownloadedWhole() throws Exception {
		browser.signIn(ConsoleServer.READ_TOKEN);
		browser.open("/publications/2025");
		WebElement link = browser.all("main a[href$='.pdf']").get(0);
		String name = link.getText();
		String shown = link.findElement(By.xpath("ancestor::tr//code")).getText();
		link.click();
		Path downloaded = browser.awaitDownload(".pdf");
		assertThat(sha256(downloaded)).isEqualTo(shown)
			.isEqualTo(sha256(dataDir.resolve("publications/2025").resolve(name)));
		// a name the manifest does not list is not served
		String cookie = browser.session().getValue();
		assertThat(get("/publications/2025/fichiers/../../db/observatory.mv.db", cookie).statusCode()).isIn(400, 404);
		assertThat(get("/publications/2025/fichiers/nothing.pdf", cookie).statusCode()).isEqualTo(404);
	}

	@Test
	void aPartnerTokenIsIssuedShownOnceAndRevoked() throws Exception {
		browser.signIn(ConsoleServer.OPERATOR_TOKEN);
		browser.open("/jetons");
		new org.openqa.selenium.support.ui.Select(browser.find("#partner")).selectByValue("RTES");
		browser.find("#label").sendKeys("tableau de bord");
		browser.clickAndWait(browser.find("form[action='/jetons'] button"));
		String secret = browser.find("#secret").getAttribute("value");
		assertThat(secret).hasSizeGreaterThan(40);
		assertThat(browser.driver.getCurrentUrl()).doesNotContain(secret);
		check("22-jeton-emis");
		browser.open("/jetons");
		assertThat(browser.driver.getPageSource()).doesNotContain(secret);

		// the partner signs in with it; once revoked, its session ends at the next page
		Browser partner = new Browser(server.base);
		try {
			partner.signIn(secret);
			assertThat(partner.h1()).isEqualTo("Extraits de RTES");
			WebElement row = browser.driver.findElement(By.xpath("//tbody/tr[td[text()='tableau de bord']]"));
			browser.clickAndWait(row.findElement(By.tagName("button")));
			assertThat(browser.driver.findElement(By.xpath("//tbody/tr[td[text()='tableau de bord']]")).getText())
				.contains("révoqué");
			partner.open("/extraits/RTES");
			assertThat(partner.driver.getCurrentUrl()).endsWith("/connexion");
			partner.signIn(secret);
			assertThat(partner.find("main").getText()).contains("n'est pas reconnu");
		}
		finally {
			partner.close();
		}
	}

	@Test
	void theKeyboardAloneSignsInAndMovesAroundWithTheFocusVisible() throws Exception {
		browser.driver.manage().deleteAllCookies();
		browser.open("/connexion");
		WebElement body = browser.find("body");
		body.sendKeys(Keys.TAB);
		WebElement skip = browser.driver.switchTo().activeElement();
		assertThat(skip.getText()).isEqualTo("Aller au contenu");
		assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");
		assertThat(skip.isDisplayed()).isTrue();
		skip.sendKeys(Keys.TAB);
		browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
		WebElement field = browser.driver.switchTo().activeElement();
		assertThat(field.getAttribute("id")).isEqualTo("token");
		field.sendKeys(ConsoleServer.OPERATOR_TOKEN, Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(field));
		assertThat(browser.h1()).isEqualTo("Exécutions");
		// through the menu with Tab, to the grid, opened with Enter
		WebElement focused = null;
		for (int i = 0; i < 10; i++) {
			browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
			focused = browser.driver.switchTo().activeElement();
			if (focused.getText().equals("Partitions")) {
				break;
			}
		}
		assertThat(focused.getText()).isEqualTo("Partitions");
		assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
		focused.sendKeys(Keys.ENTER);
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(focused));
		assertThat(browser.h1()).isEqualTo("Partitions (étape × année)");
	}

	static List<String> links(String css) {
		List<String> hrefs = new ArrayList<>();
		for (WebElement a : browser.all(css)) {
			hrefs.add(a.getAttribute("href"));
		}
		return hrefs;
	}

	static HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			b.header("Cookie", ConsoleConfiguration.COOKIE + "=" + cookie);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded");
		if (cookie != null) {
			b.header("Cookie", ConsoleConfiguration.COOKIE + "=" + cookie);
		}
		return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String sha256(Path file) throws Exception {
		return Sha256.of(Files.readAllBytes(file));
	}

	static By text(String text) {
		return By.xpath("//*[normalize-space(text())='" + text + "']");
	}

}
