package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo tenant's fleet, created through the public API (as an admin would): a delivery
 * fleet of vans and a rooftop solar site with inverters and a battery in Berlin. Device
 * tokens are shown once by device-service, so the launcher keeps them in an owner-only
 * file in the data directory for the simulator; a device that exists without a known
 * token gets a new one (rotation). Some vans are assigned to the demo user
 * {@value #DEMO_USER} (its user id, the {@code sub} of its tokens, looked up in
 * auth-service's user list), so that a USER sees a subset of the fleet; an assignment is
 * only ever added, never removed. Idempotent across restarts.
 */
final class DemoFleet {

	static final String FLEET = "fleet-berlin";

	static final String SITE = "site-berlin";

	/** The demo user (role USER) who is assigned some of the vans. */
	static final String DEMO_USER = "user@demo.local";

	/**
	 * The demo devices: id, type, name, group, whether assigned to {@link #DEMO_USER}.
	 */
	static final List<DemoDevice> DEVICES = List.of(new DemoDevice("veh-0001", "VEHICLE", "Van 1", FLEET, true),
			new DemoDevice("veh-0002", "VEHICLE", "Van 2", FLEET, true),
			new DemoDevice("veh-0003", "VEHICLE", "Van 3", FLEET, false),
			new DemoDevice("veh-0004", "VEHICLE", "Van 4", FLEET, false),
			new DemoDevice("veh-0005", "VEHICLE", "Truck 5", FLEET, false),
			new DemoDevice("veh-0006", "VEHICLE", "Truck 6", FLEET, false),
			new DemoDevice("inv-0001", "INVERTER", "Roof inverter A", SITE, false),
			new DemoDevice("inv-0002", "INVERTER", "Roof inverter B", SITE, false),
			new DemoDevice("bat-0001", "BATTERY", "Site battery", SITE, false));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	private final String gateway;

	DemoFleet(String gateway) {
		this.gateway = gateway;
	}

	/**
	 * Makes sure the demo groups and devices exist and every device has a known token.
	 * @param clientId the demo tenant's admin API client
	 * @param clientSecret its secret
	 * @param tokens the file of known tokens ({@code deviceId,token,type} lines)
	 * @return the devices with their tokens
	 * @throws IOException if the API or the file fails
	 * @throws InterruptedException if interrupted
	 */
	List<ProvisionedDevice> ensure(String clientId, String clientSecret, Path tokens)
			throws IOException, InterruptedException {
		String accessToken = accessToken(clientId, clientSecret);
		ensureGroup(accessToken, FLEET, "Berlin delivery fleet", "FLEET");
		ensureGroup(accessToken, SITE, "Berlin rooftop solar", "SITE");
		Map<String, String> known = read(tokens);
		String demoUserId = userId(accessToken, DEMO_USER);
		List<ProvisionedDevice> devices = new ArrayList<>();
		for (DemoDevice device : DEVICES) {
			String assignTo = (device.assignedToDemoUser()) ? demoUserId : null;
			HttpResponse<String> existing = send(accessToken, "GET", "/api/v1/devices/" + device.id(), null);
			String token = known.get(device.id());
			if (existing.statusCode() == 404) {
				token = issued(send(accessToken, "POST", "/api/v1/devices", create(device, assignTo)), device);
				devices.add(new ProvisionedDevice(device, token));
				continue;
			}
			if (existing.statusCode() != 200) {
				throw new IOException(
						"GET device " + device.id() + ": " + existing.statusCode() + " " + existing.body());
			}
			if (assignTo != null) {
				ensureAssigned(accessToken, device, this.json.readTree(existing.body()), assignTo);
			}
			if (token == null) {
				token = issued(send(accessToken, "POST", "/api/v1/devices/" + device.id() + "/credentials", null),
						device);
			}
			devices.add(new ProvisionedDevice(device, token));
		}
		write(tokens, devices);
		return devices;
	}

	/**
	 * Writes a simulator device file.
	 * @param file the file
	 * @param devices the devices to put in it
	 * @throws IOException if it cannot be written
	 */
	static void writeSimulatorFile(Path file, List<ProvisionedDevice> devices) throws IOException {
		write(file, devices);
	}

	private String accessToken(String clientId, String clientSecret) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.gateway + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("token request: " + response.statusCode() + " " + response.body());
		}
		return this.json.readTree(response.body()).path("access_token").asText();
	}

	private void ensureGroup(String accessToken, String id, String name, String kind)
			throws IOException, InterruptedException {
		if (send(accessToken, "GET", "/api/v1/groups/" + id, null).statusCode() == 200) {
			return;
		}
		HttpResponse<String> created = send(accessToken, "POST", "/api/v1/groups",
				Map.of("id", id, "name", name, "kind", kind));
		if (created.statusCode() != 201 && created.statusCode() != 200) {
			throw new IOException("create group " + id + ": " + created.statusCode() + " " + created.body());
		}
	}

	/**
	 * The id of a user of the tenant, by e-mail, from {@code GET /api/v1/users} (ADMIN).
	 * @return the id, or null if there is no such user
	 */
	private String userId(String accessToken, String email) throws IOException, InterruptedException {
		for (int page = 0; page < 100; page++) {
			HttpResponse<String> response = send(accessToken, "GET", "/api/v1/users?page=" + page + "&size=100", null);
			if (response.statusCode() != 200) {
				throw new IOException("GET users: " + response.statusCode() + " " + response.body());
			}
			JsonNode items = this.json.readTree(response.body()).path("items");
			if (!items.isArray() || items.isEmpty()) {
				return null;
			}
			for (JsonNode user : items) {
				if (email.equalsIgnoreCase(user.path("email").asText())) {
					return user.path("id").asText();
				}
			}
		}
		return null;
	}

	private void ensureAssigned(String accessToken, DemoDevice device, JsonNode existing, String userId)
			throws IOException, InterruptedException {
		List<String> assigned = new ArrayList<>();
		existing.path("assignedUserIds").forEach((id) -> assigned.add(id.asText()));
		if (assigned.contains(userId)) {
			return;
		}
		assigned.add(userId);
		HttpResponse<String> patched = send(accessToken, "PATCH", "/api/v1/devices/" + device.id(),
				Map.of("assignedUserIds", assigned));
		if (patched.statusCode() != 200) {
			throw new IOException("assign device " + device.id() + ": " + patched.statusCode() + " " + patched.body());
		}
	}

	private static Map<String, Object> create(DemoDevice device, String assignTo) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", device.id());
		body.put("type", device.type());
		body.put("name", device.name());
		body.put("groupId", device.groupId());
		if (assignTo != null) {
			body.put("assignedUserIds", List.of(assignTo));
		}
		if (device.type().equals("VEHICLE")) {
			body.put("vehicle", Map.of("make", "FleetGrid", "model", "Demo van", "fuelType", "DIESEL",
					"serviceIntervalKm", 30000, "serviceIntervalMonths", 12));
		}
		else {
			body.put("energy",
					Map.of("vendor", "FleetGrid", "model", "Demo " + device.type().toLowerCase(), "ratedPowerKw", 10.0,
							"pvPeakKwp", 12.0, "site", Map.of("lat", 52.5200, "lon", 13.4050), "timeZone",
							"Europe/Berlin"));
		}
		return body;
	}

	private String issued(HttpResponse<String> response, DemoDevice device) throws IOException {
		if (response.statusCode() != 200 && response.statusCode() != 201) {
			throw new IOException("device " + device.id() + ": " + response.statusCode() + " " + response.body());
		}
		JsonNode token = this.json.readTree(response.body()).path("token");
		if (!token.isTextual()) {
			throw new IOException("device " + device.id() + ": no token in " + response.body());
		}
		return token.asText();
	}

	private HttpResponse<String> send(String accessToken, String method, String path, Object body)
			throws IOException, InterruptedException {
		HttpRequest.BodyPublisher publisher = (body != null)
				? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody();
		return this.http.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
			.header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.method(method, publisher)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Map<String, String> read(Path file) throws IOException {
		Map<String, String> tokens = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return tokens;
		}
		for (String line : Files.readAllLines(file)) {
			String[] fields = line.split(",");
			if (!line.startsWith("#") && fields.length >= 2) {
				tokens.put(fields[0].trim(), fields[1].trim());
			}
		}
		return tokens;
	}

	private static void write(Path file, List<ProvisionedDevice> devices) throws IOException {
		Files.createDirectories(file.getParent());
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		try (Writer writer = Files.newBufferedWriter(file)) {
			writer.write("# deviceId,token,type (demo devices; generated by ./fleetgrid start)\n");
			for (ProvisionedDevice device : devices) {
				writer.write(device.device().id() + "," + device.token() + "," + device.device().type() + "\n");
			}
		}
	}

	/**
	 * A demo device.
	 *
	 * @param id device id
	 * @param type device type
	 * @param name display name
	 * @param groupId fleet or site
	 * @param assignedToDemoUser whether the demo user {@value DemoFleet#DEMO_USER} may
	 * see it
	 */
	record DemoDevice(String id, String type, String name, String groupId, boolean assignedToDemoUser) {

		boolean isVehicle() {
			return this.type.equals("VEHICLE");
		}

	}

	/**
	 * A demo device and its token.
	 *
	 * @param device the device
	 * @param token its token
	 */
	record ProvisionedDevice(DemoDevice device, String token) {
	}

}
