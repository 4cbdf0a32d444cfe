package io.fleetgrid.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web portal in a real browser (headless Chromium) against the started services:
 * telemetry goes in through the gateway like a device sends it, and the browser sees it
 * on the map, gets the alert it causes, acknowledges it, draws a geofence and logs out; a
 * USER sees only the devices assigned to them. Each main page is saved as a screenshot in
 * {@code target/screenshots/}.
 */
class PortalBrowserEndToEndIntegrationTests {

	private static final Duration LIVE = Duration.ofSeconds(60);

	private static FleetGridProcesses fleetgrid;

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final String MANAGED = "e2e-van-" + RUN;

	private static final String ASSIGNED = "e2e-bus-" + RUN;

	private static final String SITE = "e2e-pv-" + RUN;

	private static String managedToken;

	private static String assignedToken;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void fleet() {
		fleetgrid = FleetGridProcesses.get();
		Chromium.ensureInstalled();
		PortalBrowserEndToEndIntegrationTests setup = new PortalBrowserEndToEndIntegrationTests();
		String admin = fleetgrid.adminToken();
		String users = setup.call("GET", "/api/v1/users?size=100", admin, null).body();
		List<String> userIds = JsonPath.read(users, "$.items[?(@.email == 'user@demo.local')].id");
		managedToken = setup.createDevice(admin, MANAGED, "VEHICLE", List.of());
		assignedToken = setup.createDevice(admin, ASSIGNED, "VEHICLE", userIds);
		String siteToken = setup.createDevice(admin, SITE, "INVERTER", List.of());
		setup.telemetry(MANAGED, managedToken, Instant.now(), 52.5200, 13.4050, 0);
		setup.telemetry(ASSIGNED, assignedToken, Instant.now(), 52.5000, 13.3800, 20);
		setup.send(SITE, siteToken, "[{\"ts\":\"" + Instant.now() + "\",\"metrics\":{\"pvPowerW\":3400,"
				+ "\"batterySocPct\":81,\"dailyYieldKwh\":7.5,\"faultCode\":0,\"lat\":52.51,\"lon\":13.45}}]");
	}

	@Test
	void aFleetManagerFollowsAVehicleAcknowledgesItsAlertDrawsAGeofenceAndLogsOut() {
		try (Chromium browser = Chromium.start()) {
			browser.logIn(fleetgrid.gateway(), "manager@demo.local", fleetgrid.secret("FLEETGRID_DEMO_PASSWORD"));
			assertThat(browser.await(By.id("who")).getDomAttribute("data-roles")).contains("FLEET_MANAGER");
			assertThat(browser.driver().findElements(By.cssSelector("nav a[data-nav=admin]")))
				.as("no administration for a fleet manager")
				.isEmpty();

			// The map shows the vehicle where it is, then where it drives to.
			By vehicle = By.cssSelector("li[data-device='" + MANAGED + "']");
			browser.awaitPresent(vehicle);
			browser.awaitTrue("the vehicle's first position on the map", LIVE,
					() -> "52.52".equals(browser.driver().findElement(vehicle).getDomAttribute("data-lat")));
			for (int step = 1; step <= 3; step++) {
				telemetry(MANAGED, managedToken, Instant.now(), 52.5200 + step * 0.002, 13.4050 + step * 0.003, 50);
			}
			browser.awaitTrue("the vehicle moves on the map", LIVE, () -> Double
				.parseDouble(browser.driver().findElement(vehicle).getDomAttribute("data-lat")) > 52.5255);
			assertThat(browser.driver().findElement(vehicle).getDomAttribute("data-status")).isEqualTo("moving");
			assertThat(browser.driver().findElements(By.cssSelector("#fleet-map path.leaflet-interactive")))
				.as("markers drawn")
				.isNotEmpty();
			browser.screenshot("map");

			// Speeding for longer than the limit raises OVERSPEED, which arrives live.
			// Event time continues after the last position (a device never sends older
			// points).
			Instant start = Instant.now().plusSeconds(1);
			for (int second = 0; second <= 20; second += 4) {
				telemetry(MANAGED, managedToken, start.plusSeconds(second), 52.5300 + second * 0.0005, 13.4200, 150);
			}
			browser.click(By.cssSelector("nav a[data-nav=alerts]"));
			By overspeed = By.xpath("//tr[@data-alert][td[5][normalize-space()='" + MANAGED
					+ "']][td[2][normalize-space()='Overspeed']]");
			// The inbox redraws on every live event: read the id in one step.
			String alertId = new WebDriverWait(browser.driver(), LIVE)
				.withMessage("a live OVERSPEED alert in the inbox")
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> driver.findElements(overspeed)
					.stream()
					.findFirst()
					.map((row) -> row.getDomAttribute("data-alert"))
					.orElse(null));
			// The link of the alert e-mail: the gateway redirects it to the portal's
			// alert page.
			browser.open(fleetgrid.gateway() + "/alerts/" + alertId);
			assertThat(browser.url()).endsWith("/#/alerts/" + alertId);
			browser.await(By.id("ack-comment")).sendKeys("Driver called, slowing down");
			browser.click(By.id("ack-button"));
			browser.awaitTrue("the alert is acknowledged", LIVE,
					() -> browser.driver().findElement(By.id("alert-status")).getText().equals("Acknowledged"));
			browser.screenshot("alerts");
			assertThat(
					JsonPath.<String>read(call("GET", "/api/v1/alerts/" + alertId, fleetgrid.adminToken(), null).body(),
							"$.acknowledgement.comment"))
				.isEqualTo("Driver called, slowing down");

			// Devices and a device page.
			browser.click(By.cssSelector("nav a[data-nav=devices]"));
			browser.await(By.cssSelector("tr[data-device='" + MANAGED + "']"));
			browser.screenshot("devices");
			browser.click(By.linkText(MANAGED));
			browser.await(By.id("charts"));
			browser.awaitTrue("the device page loaded", LIVE,
					() -> browser.driver().findElements(By.cssSelector("#device-body .loading")).isEmpty());
			assertThat(browser.driver().findElements(By.cssSelector("#device-body .error")))
				.as("no failed section on the device page")
				.isEmpty();
			browser.screenshot("device");

			// A geofence drawn with the mouse: three corners of a polygon.
			String name = "Depot " + RUN;
			browser.click(By.cssSelector("nav a[data-nav=geofences]"));
			browser.await(By.id("geofence-name")).sendKeys(name);
			browser.driver().findElement(By.id("geofence-speed")).sendKeys("30");
			browser.driver().findElement(By.id("draw-polygon")).click();
			WebElement map = browser.driver().findElement(By.id("geofence-map"));
			for (int[] corner : new int[][] { { -120, -80 }, { 120, -80 }, { 0, 100 } }) {
				new Actions(browser.driver()).moveToElement(map, corner[0], corner[1]).click().perform();
			}
			browser.awaitTrue("three points drawn", LIVE,
					() -> browser.driver().findElement(By.id("save-geofence")).isEnabled());
			browser.driver().findElement(By.id("save-geofence")).click();
			browser.await(By.xpath("//li[@data-geofence][strong[normalize-space()='" + name + "']]"));
			browser.screenshot("geofences");
			String geofences = call("GET", "/api/v1/geofences", fleetgrid.adminToken(), null).body();
			List<Double> limits = JsonPath.read(geofences, "$[?(@.name == '" + name + "')].speedLimitKph");
			assertThat(limits).containsExactly(30.0);

			browser.click(By.cssSelector("nav a[data-nav=energy]"));
			browser.await(By.cssSelector("article[data-device='" + SITE + "']"));
			browser.screenshot("energy");
			browser.click(By.cssSelector("nav a[data-nav=settings]"));
			browser.await(By.id("subscription-form"));
			browser.awaitTrue("subscriptions loaded", LIVE,
					() -> browser.driver().findElements(By.cssSelector("#subscriptions .loading")).isEmpty());
			browser.screenshot("settings");
			assertThat(browser.scriptErrors()).as("script errors in the console").isEmpty();

			browser.driver().findElement(By.id("logout-button")).click();
			browser.await(By.id("username"));
			browser.open(fleetgrid.gateway() + "/");
			browser.await(By.id("username"));
			assertThat(browser.url()).as("logged out: the portal asks to log in again")
				.startsWith(fleetgrid.auth() + "/login");
		}
	}

	@Test
	void aUserSeesOnlyTheDevicesAssignedToThemAndNoAdministration() {
		try (Chromium browser = Chromium.start()) {
			browser.logIn(fleetgrid.gateway(), "user@demo.local", fleetgrid.secret("FLEETGRID_DEMO_PASSWORD"));

			browser.awaitPresent(By.cssSelector("li[data-device='" + ASSIGNED + "']"));
			assertThat(browser.driver().findElements(By.cssSelector("li[data-device='" + MANAGED + "']"))).isEmpty();
			browser.click(By.cssSelector("nav a[data-nav=devices]"));
			browser.await(By.cssSelector("tr[data-device='" + ASSIGNED + "']"));
			assertThat(browser.driver()
				.findElements(By.cssSelector("tr[data-device]"))
				.stream()
				.map((row) -> row.getDomAttribute("data-device"))
				.toList()).containsExactly(ASSIGNED);
			assertThat(browser.driver().findElements(By.cssSelector("nav a[data-nav=admin]"))).isEmpty();
			browser.open(fleetgrid.gateway() + "/#/admin");
			browser.await(By.cssSelector("main .error"));
			assertThat(browser.scriptErrors()).as("script errors in the console").isEmpty();
		}
	}

	@Test
	void anAdministratorManagesUsersClientsAndDevices() {
		try (Chromium browser = Chromium.start()) {
			browser.logIn(fleetgrid.gateway(), "admin@demo.local", fleetgrid.secret("FLEETGRID_DEMO_PASSWORD"));
			browser.await(By.cssSelector("nav a[data-nav=admin]"));
			browser.click(By.cssSelector("nav a[data-nav=admin]"));
			browser.await(By.xpath("//td[normalize-space()='user@demo.local']"));
			browser.screenshot("admin-users");

			browser.driver().findElement(By.cssSelector(".tabs a[href='#/admin/clients']")).click();
			browser.await(By.id("client-form")).findElement(By.name("name")).sendKeys("e2e reporting " + RUN);
			browser.driver().findElement(By.cssSelector("#client-form button[type=submit]")).click();
			String secret = browser.await(By.cssSelector("dialog.secret .secret-value")).getText();
			assertThat(secret).as("the new client's secret, shown once").hasSizeGreaterThan(10);
			browser.screenshot("admin-clients");
			browser.driver().findElement(By.cssSelector("dialog.secret button")).click();

			browser.driver().findElement(By.cssSelector(".tabs a[href='#/admin/devices']")).click();
			browser.await(By.cssSelector("button[data-rotate='" + SITE + "']")).click();
			assertThat(browser.await(By.cssSelector("dialog.secret .secret-value")).getText()).hasSizeGreaterThan(10);
			browser.screenshot("admin-devices");
			assertThat(browser.scriptErrors()).as("script errors in the console").isEmpty();
		}
	}

	private String createDevice(String token, String id, String type, List<String> assignedUserIds) {
		String users = assignedUserIds.stream()
			.map((user) -> "\"" + user + "\"")
			.reduce((a, b) -> a + "," + b)
			.orElse("");
		HttpResponse<String> created = call("POST", "/api/v1/devices", token, "{\"id\":\"" + id + "\",\"type\":\""
				+ type + "\",\"name\":\"" + id + "\",\"assignedUserIds\":[" + users + "]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.token");
	}

	private void telemetry(String device, String token, Instant ts, double latitude, double longitude, double speed) {
		send(device, token, "[{\"ts\":\"" + ts + "\",\"metrics\":{\"lat\":" + latitude + ",\"lon\":" + longitude
				+ ",\"speedKph\":" + speed + ",\"ignition\":true,\"fuelLevelPct\":64,\"headingDeg\":45}}]");
	}

	private void send(String device, String token, String body) {
		String basic = Base64.getEncoder().encodeToString((device + ":" + token).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = exchange(
				HttpRequest.newBuilder(URI.create(fleetgrid.gateway() + "/api/v1/telemetry"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private HttpResponse<String> call(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fleetgrid.gateway() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return exchange(request);
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
