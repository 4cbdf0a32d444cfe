package io.fleetgrid.localstack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a loopback stand-in for the gateway's device API that remembers which devices
 * and groups exist, like device-service would.
 */
class DemoFleetTests {

	@TempDir
	Path dir;

	private final Set<String> existing = ConcurrentHashMap.newKeySet();

	/** Assigned user ids per device id (what device-service would hold). */
	private final Map<String, List<String>> assignments = new ConcurrentHashMap<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private DemoFleet fleet;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.fleet = new DemoFleet("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void createsGroupsAndDevicesAndKeepsTheirTokens() throws Exception {
		Path tokens = this.dir.resolve("demo-devices.csv");
		List<DemoFleet.ProvisionedDevice> devices = this.fleet.ensure("admin", "secret", tokens);

		assertThat(devices).hasSize(DemoFleet.DEVICES.size())
			.allSatisfy((device) -> assertThat(device.token()).startsWith("token-"));
		assertThat(this.calls).contains("POST /api/v1/groups", "POST /api/v1/devices");
		assertThat(DemoFleet.read(tokens)).containsEntry("veh-0001", "token-veh-0001");
	}

	@Test
	void secondStartCreatesNothingAndReusesTheStoredTokens() throws Exception {
		Path tokens = this.dir.resolve("demo-devices.csv");
		this.fleet.ensure("admin", "secret", tokens);
		this.calls.clear();

		List<DemoFleet.ProvisionedDevice> again = this.fleet.ensure("admin", "secret", tokens);

		assertThat(this.calls).noneMatch((call) -> call.startsWith("POST /api/v1/devices"))
			.noneMatch((call) -> call.equals("POST /api/v1/groups"));
		assertThat(again).extracting(DemoFleet.ProvisionedDevice::token).contains("token-veh-0001");
	}

	@Test
	void deviceWithoutAKnownTokenGetsItsCredentialsRotated() throws Exception {
		Path tokens = this.dir.resolve("demo-devices.csv");
		this.fleet.ensure("admin", "secret", tokens);
		java.nio.file.Files.delete(tokens);
		this.calls.clear();

		this.fleet.ensure("admin", "secret", tokens);

		assertThat(this.calls).contains("POST /api/v1/devices/veh-0001/credentials")
			.doesNotContain("POST /api/v1/devices");
	}

	@Test
	void assignsSomeButNotAllVansToTheDemoUser() throws Exception {
		this.fleet.ensure("admin", "secret", this.dir.resolve("demo-devices.csv"));

		assertThat(this.assignments).containsEntry("veh-0001", List.of("user-uuid"))
			.containsEntry("veh-0002", List.of("user-uuid"))
			.doesNotContainKey("veh-0003")
			.doesNotContainKey("inv-0001");
	}

	@Test
	void addsAMissingAssignmentToAnExistingDeviceOnceAndKeepsOtherUsers() throws Exception {
		Path tokens = this.dir.resolve("demo-devices.csv");
		this.fleet.ensure("admin", "secret", tokens);
		this.assignments.put("veh-0001", List.of("someone-else"));
		this.calls.clear();

		this.fleet.ensure("admin", "secret", tokens);
		this.fleet.ensure("admin", "secret", tokens);

		assertThat(this.assignments).containsEntry("veh-0001", List.of("someone-else", "user-uuid"));
		assertThat(this.calls).containsOnlyOnce("PATCH /api/v1/devices/veh-0001")
			.doesNotContain("PATCH /api/v1/devices/veh-0002");
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		this.calls.add(method + " " + path);
		if (path.equals("/oauth2/token")) {
			respond(exchange, 200, "{\"access_token\":\"at\",\"expires_in\":600}");
		}
		else if (method.equals("GET") && path.equals("/api/v1/users")) {
			boolean firstPage = exchange.getRequestURI().getQuery().contains("page=0");
			respond(exchange, 200, firstPage ? "{\"items\":[{\"id\":\"admin-uuid\",\"email\":\"admin@demo.local\"},"
					+ "{\"id\":\"user-uuid\",\"email\":\"user@demo.local\"}],\"page\":0,\"size\":100,\"total\":2}"
					: "{\"items\":[],\"total\":2}");
		}
		else if (method.equals("GET")) {
			String id = path.substring(path.lastIndexOf('/') + 1);
			respond(exchange, this.existing.contains(path) ? 200 : 404, "{\"id\":\"" + id + "\",\"assignedUserIds\":"
					+ json(this.assignments.getOrDefault(id, List.of())) + "}");
		}
		else if (method.equals("PATCH")) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String id = path.substring(path.lastIndexOf('/') + 1);
			this.assignments.put(id, users(body));
			respond(exchange, 200, "{}");
		}
		else if (path.equals("/api/v1/groups")) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String id = body.contains(DemoFleet.FLEET) ? DemoFleet.FLEET : DemoFleet.SITE;
			this.existing.add("/api/v1/groups/" + id);
			respond(exchange, 201, "{}");
		}
		else if (path.equals("/api/v1/devices")) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
			this.existing.add("/api/v1/devices/" + id);
			if (body.contains("assignedUserIds")) {
				this.assignments.put(id, users(body));
			}
			respond(exchange, 201, "{\"device\":{\"id\":\"" + id + "\"},\"token\":\"token-" + id + "\"}");
		}
		else if (path.endsWith("/credentials")) {
			String id = path.split("/")[4];
			respond(exchange, 200, "{\"device\":{},\"token\":\"token-" + id + "-rotated\"}");
		}
		else {
			respond(exchange, 400, "{}");
		}
	}

	private static List<String> users(String body) {
		String list = body.replaceAll(".*\"assignedUserIds\":\\[([^\\]]*)\\].*", "$1");
		return java.util.Arrays.stream(list.split(",")).map((id) -> id.replace("\"", "").trim()).toList();
	}

	private static String json(List<String> ids) {
		return ids.stream().map((id) -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
