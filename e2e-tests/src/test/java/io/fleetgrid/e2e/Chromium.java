package io.fleetgrid.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the portal tests: Debian's Chromium, headless, driven through
 * Debian's chromedriver with Selenium (WebDriver). Nothing is downloaded: when the
 * packages are missing they are installed with apt-get (the tests run as root in CI), and
 * Selenium Manager is never asked for a browser or a driver. Every instance gets a fresh
 * profile directory.
 */
final class Chromium implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private Chromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
		this.driver = driver;
		this.service = service;
		this.profile = profile;
	}

	/**
	 * Starts a headless Chromium with a fresh profile.
	 * @return the browser
	 */
	static Chromium start() {
		ensureInstalled();
		try {
			Path profile = Files.createTempDirectory("fleetgrid-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BINARY.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile);
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.withLogFile(Path.of("target", "e2e-logs", "chromedriver.log").toFile())
				.build();
			Files.createDirectories(Path.of("target", "e2e-logs"));
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			return new Chromium(driver, service, profile);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Installs Debian's {@code chromium} and {@code chromium-driver} when they are
	 * missing.
	 */
	static synchronized void ensureInstalled() {
		if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
			return;
		}
		run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver");
		if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("Chromium is not installed and apt-get could not install it: run "
					+ "'apt-get install chromium chromium-driver' as root");
		}
	}

	private static void run(String command) {
		try {
			Process process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("timed out: " + command);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(command + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	WebElement await(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	WebElement awaitPresent(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	void awaitTrue(String description, Duration timeout, java.util.function.BooleanSupplier condition) {
		// Live pages redraw parts of themselves: an element may go stale between two
		// reads.
		new WebDriverWait(this.driver, timeout).withMessage(description)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

	/**
	 * Clicks an element, finding it again if the page redrew it in between.
	 * @param locator the element
	 */
	void click(By locator) {
		new WebDriverWait(this.driver, WAIT).ignoring(StaleElementReferenceException.class).until((driver) -> {
			driver.findElement(locator).click();
			return true;
		});
	}

	/**
	 * Logs in through auth-service's login form, as a person would type it.
	 * @param portal the portal's URL (the gateway)
	 * @param email user name
	 * @param password password
	 */
	void logIn(String portal, String email, String password) {
		open(portal + "/");
		await(By.id("username")).sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
		await(By.id("logout-button"));
	}

	/**
	 * Saves a screenshot to {@code target/screenshots/{name}.png}.
	 * @param name the file name without extension
	 */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Errors the page's scripts reported to the console since the last call (network
	 * failures the page handles, such as a 404 it expects, are not script errors).
	 * @return the messages
	 */
	List<String> scriptErrors() {
		List<LogEntry> entries = this.driver.manage().logs().get(LogType.BROWSER).getAll();
		return entries.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> !message.contains("Failed to load resource"))
			.toList();
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile.toFile());
		}
	}

	private static void deleteQuietly(File file) {
		File[] children = file.listFiles();
		if (children != null) {
			for (File child : children) {
				deleteQuietly(child);
			}
		}
		file.delete();
	}

}
