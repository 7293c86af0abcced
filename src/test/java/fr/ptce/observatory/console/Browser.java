package fr.ptce.observatory.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven by its chromedriver, both given by path so that
 * Selenium Manager never downloads anything; a fresh profile and download folder per
 * browser. Helpers: sign in, screenshots, axe-core.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	final ChromeDriver driver;

	final Path downloads;

	final String base;

	private final Path profile;

	private static String axe;

	Browser(String base) throws IOException {
		this.base = base;
		this.profile = Files.createTempDirectory("console-chromium-");
		this.downloads = Files.createTempDirectory("console-downloads-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=fr-FR");
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("download.default_directory", downloads.toString());
		prefs.put("download.prompt_for_download", false);
		prefs.put("plugins.always_open_pdf_externally", true);
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	void open(String path) {
		driver.get(base + path);
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	String h1() {
		return find("h1").getText();
	}

	/**
	 * Signs out whoever was signed in (the cookie dropped), then signs in with the token
	 * through the form.
	 */
	void signIn(String token) {
		driver.manage().deleteAllCookies();
		open("/connexion");
		find("#token").sendKeys(token);
		clickAndWait(find("form[action='/connexion'] button[type=submit]"));
	}

	/**
	 * Clicks what leaves the page (a link, a form's button) and waits until the next page
	 * replaced it.
	 */
	void clickAndWait(WebElement element) {
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(60)).until((d) -> gone(element));
	}

	/**
	 * Whether the element left the page. Not {@code ExpectedConditions.stalenessOf}:
	 * chromedriver sometimes answers a node of the page being replaced with "unhandled
	 * inspector error: Node with given id does not belong to the document", an unknown
	 * error rather than a stale element, which made that condition throw.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (WebDriverException ex) {
			return true;
		}
	}

	Cookie session() {
		return driver.manage().getCookieNamed(ConsoleConfiguration.COOKIE);
	}

	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return target;
	}

	/**
	 * axe-core's serious and critical violations on the current page, one line each
	 * (rule, impact, targets).
	 */
	@SuppressWarnings("unchecked")
	List<String> axeViolations() throws IOException {
		JavascriptExecutor js = driver;
		js.executeScript(axeSource());
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
				+ " done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
				+ " nodes: v.nodes.map(function (n) { return n.target.join(' '); }).join(' | ')}; })); })"
				+ ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', nodes: String(e)}]); });");
		List<String> serious = new ArrayList<>();
		for (Map<String, Object> v : (List<Map<String, Object>>) result) {
			String impact = String.valueOf(v.get("impact"));
			if (impact.equals("serious") || impact.equals("critical")) {
				serious.add(v.get("id") + " (" + impact + "): " + v.get("nodes"));
			}
		}
		return serious;
	}

	private static synchronized String axeSource() throws IOException {
		if (axe == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
				axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return axe;
	}

	/** Waits for a download to finish in the download folder and returns it. */
	Path awaitDownload(String nameEnd) throws Exception {
		for (int i = 0; i < 300; i++) {
			try (var files = Files.list(downloads)) {
				var found = files.filter(f -> f.getFileName().toString().endsWith(nameEnd)).findFirst();
				if (found.isPresent() && Files.size(found.get()) > 0) {
					return found.get();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no download ending with " + nameEnd + " in " + downloads);
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			fr.ptce.observatory.warehouse.AtomicFiles.deleteTree(profile);
			fr.ptce.observatory.warehouse.AtomicFiles.deleteTree(downloads);
		}
	}

}
