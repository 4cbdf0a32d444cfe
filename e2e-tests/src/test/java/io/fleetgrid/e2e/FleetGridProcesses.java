package io.fleetgrid.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;

import io.fleetgrid.localstack.process.ChildJvm;
import io.fleetgrid.localstack.process.FreePorts;
import io.fleetgrid.localstack.process.InfraNode;
import io.fleetgrid.testkit.Infra;
import io.fleetgrid.testkit.Server;

/**
 * The services under test, each from its executable jar in its own JVM (as in
 * production), on free ports, registered in a real discovery server, against the real
 * Kafka broker and PostgreSQL server of the test kit. Started once per test JVM and
 * stopped when it exits; every secret is generated per run.
 */
final class FleetGridProcesses {

	// Seven JVMs start in parallel; on a loaded 2-core machine each takes minutes.
	private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static FleetGridProcesses instance;

	private static IllegalStateException failure;

	private final Path root = Path.of("").toAbsolutePath().getParent();

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, String> secrets = new LinkedHashMap<>();

	private final List<ChildJvm> processes = new ArrayList<>();

	private final Map<String, ChildJvm> byService = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

	private FleetGridProcesses() {
	}

	/**
	 * The running services, started on first use.
	 * @return the processes
	 */
	static synchronized FleetGridProcesses get() {
		if (failure != null) {
			throw new IllegalStateException("FleetGrid did not start (see the first failing test)", failure);
		}
		if (instance == null) {
			FleetGridProcesses processes = new FleetGridProcesses();
			Runtime.getRuntime().addShutdownHook(new Thread(processes::stop, "e2e-stop"));
			try {
				processes.start();
			}
			catch (RuntimeException ex) {
				// Stop what did start, and do not start a second set for the next test
				// class.
				processes.stop();
				failure = new IllegalStateException(ex.getMessage(), ex);
				throw ex;
			}
			instance = processes;
		}
		return instance;
	}

	/**
	 * Base URL of the API gateway.
	 * @return for example {@code http://localhost:40123}
	 */
	String gateway() {
		return url("api-gateway");
	}

	/**
	 * Base URL (and issuer) of auth-service.
	 * @return the URL
	 */
	String auth() {
		return url("auth-service");
	}

	/**
	 * A generated secret of this run, by its environment variable name.
	 * @param name for example {@code FLEETGRID_BOOTSTRAP_CLIENT_SECRET}
	 * @return the value
	 */
	String secret(String name) {
		return this.secrets.get(name);
	}

	String url(String service) {
		return "http://localhost:" + this.ports.get(service);
	}

	private void start() {
		InfraNode kafka = Infra.kafka();
		Infra.jdbcUrl("auth");
		Infra.jdbcUrl("device");
		Infra.jdbcUrl("notification");
		InfraNode postgres = Infra.node(Server.POSTGRES);
		InfraNode smtp = Infra.node(Server.SMTP);
		for (String service : List.of("discovery-server", "auth-service", "device-service", "notification-service",
				"ingest-service", "stream-processor", "api-gateway")) {
			this.ports.put(service, FreePorts.find());
		}
		this.secrets.put("FLEETGRID_BOOTSTRAP_CLIENT_ID", "e2e-admin");
		this.secrets.put("FLEETGRID_BOOTSTRAP_CLIENT_SECRET", randomSecret());
		this.secrets.put("FLEETGRID_OPERATOR_CLIENT_ID", "e2e-operator");
		this.secrets.put("FLEETGRID_OPERATOR_CLIENT_SECRET", randomSecret());
		this.secrets.put("FLEETGRID_DEMO_PASSWORD", randomSecret());
		this.secrets.put("FLEETGRID_PORTAL_CLIENT_SECRET", randomSecret());
		this.secrets.put("FLEETGRID_DEVICE_TOKEN_PEPPER", randomSecret());
		this.secrets.put("svc-device-service", randomSecret());
		this.secrets.put("svc-api-gateway", randomSecret());
		this.secrets.put("svc-notification-service", randomSecret());
		this.secrets.put("svc-ingest-service", randomSecret());
		this.secrets.put("svc-stream-processor", randomSecret());
		this.secrets.put("FLEETGRID_NOTIFICATION_ACK_SECRET", randomSecret());

		Map<String, String> common = new LinkedHashMap<>();
		common.put("SPRING_PROFILES_ACTIVE", "local");
		common.put("FLEETGRID_OBSERVABILITY_LOGGING_FORMAT", "text");
		common.put("EUREKA_URL", url("discovery-server") + "/eureka");
		common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.property("bootstrapServers"));
		common.put("POSTGRES_HOST", postgres.property("host"));
		common.put("POSTGRES_PORT", postgres.property("port"));
		common.put("POSTGRES_USER", postgres.property("username"));
		common.put("POSTGRES_PASSWORD", postgres.property("password"));
		common.put("FLEETGRID_ISSUER_URI", auth());

		launch("discovery-server", common, Map.of());
		Map<String, String> auth = new LinkedHashMap<>();
		for (String key : List.of("FLEETGRID_BOOTSTRAP_CLIENT_ID", "FLEETGRID_BOOTSTRAP_CLIENT_SECRET",
				"FLEETGRID_OPERATOR_CLIENT_ID", "FLEETGRID_OPERATOR_CLIENT_SECRET", "FLEETGRID_DEMO_PASSWORD",
				"FLEETGRID_PORTAL_CLIENT_SECRET")) {
			auth.put(key, this.secrets.get(key));
		}
		auth.put("FLEETGRID_SERVICE_CLIENTS", String.join(",",
				List.of("device-service", "api-gateway", "notification-service", "ingest-service", "stream-processor")
					.stream()
					.map((service) -> "svc-" + service + ":" + this.secrets.get("svc-" + service))
					.toList()));
		auth.put("FLEETGRID_PORTAL_REDIRECT_URIS", gateway() + "/login/oauth2/code/fleetgrid");
		auth.put("FLEETGRID_PORTAL_POST_LOGOUT_REDIRECT_URIS", gateway() + "/");
		Map<String, String> device = Map.of("FLEETGRID_SERVICE_CLIENT_SECRET", this.secrets.get("svc-device-service"),
				"FLEETGRID_DEVICE_TOKEN_PEPPER", this.secrets.get("FLEETGRID_DEVICE_TOKEN_PEPPER"));
		Map<String, String> gatewayEnv = Map.of("FLEETGRID_SERVICE_CLIENT_SECRET", this.secrets.get("svc-api-gateway"),
				"FLEETGRID_PORTAL_CLIENT_SECRET", this.secrets.get("FLEETGRID_PORTAL_CLIENT_SECRET"));
		Map<String, String> notification = Map.of("FLEETGRID_SERVICE_CLIENT_SECRET",
				this.secrets.get("svc-notification-service"), "FLEETGRID_NOTIFICATION_ACK_SECRET",
				this.secrets.get("FLEETGRID_NOTIFICATION_ACK_SECRET"), "SMTP_HOST", smtp.property("host"), "SMTP_PORT",
				smtp.property("smtpPort"), "FLEETGRID_PUBLIC_URL", gateway(), "FLEETGRID_PORTAL_URL", gateway());
		// Telemetry over HTTP only (no MQTT broker needed); device credentials are
		// checked
		// by device-service.
		Map<String, String> ingest = Map.of("FLEETGRID_SERVICE_CLIENT_SECRET", this.secrets.get("svc-ingest-service"));
		// A fresh Kafka Streams state directory per run.
		Map<String, String> stream = Map.of("FLEETGRID_SERVICE_CLIENT_SECRET", this.secrets.get("svc-stream-processor"),
				"FLEETGRID_STREAM_STATE_DIR",
				Path.of("target", "e2e-streams-" + randomSecret()).toAbsolutePath().toString());
		CompletableFuture
			.allOf(CompletableFuture.runAsync(() -> launch("auth-service", common, auth)),
					CompletableFuture.runAsync(() -> launch("device-service", common, device)),
					CompletableFuture.runAsync(() -> launch("notification-service", common, notification)),
					CompletableFuture.runAsync(() -> launch("ingest-service", common, ingest)),
					CompletableFuture.runAsync(() -> launch("stream-processor", common, stream)),
					CompletableFuture.runAsync(() -> launch("api-gateway", common, gatewayEnv)))
			.join();
		awaitOk(gateway() + "/v3/api-docs/device-service");
		awaitOk(gateway() + "/v3/api-docs/auth-service");
		awaitOk(gateway() + "/v3/api-docs/notification-service");
		awaitOk(gateway() + "/v3/api-docs/ingest-service");
		awaitOk(gateway() + "/v3/api-docs/stream-processor");
	}

	/**
	 * An access token of the demo tenant's ADMIN API client, from the token endpoint
	 * through the gateway ({@code client_credentials}).
	 * @return the token
	 */
	String adminToken() {
		String basic = Base64.getEncoder()
			.encodeToString(
					(secret("FLEETGRID_BOOTSTRAP_CLIENT_ID") + ":" + secret("FLEETGRID_BOOTSTRAP_CLIENT_SECRET"))
						.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("token request: " + response.statusCode() + " " + response.body());
			}
			return JsonPath.read(response.body(), "$.access_token");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The Kafka bootstrap servers the services use.
	 * @return host:port
	 */
	String kafka() {
		return Infra.kafka().property("bootstrapServers");
	}

	/**
	 * Stops one service the way an orchestrator would (SIGTERM, then SIGKILL after a
	 * grace period).
	 * @param service the service
	 */
	void stop(String service) {
		ChildJvm process;
		synchronized (this.processes) {
			process = this.byService.get(service);
		}
		process.stop(Duration.ofSeconds(10));
	}

	/**
	 * Starts a stopped service again with the same environment and port, and waits until
	 * the gateway reaches it.
	 * @param service the service
	 * @param probe a gateway path that answers 200 once the service is reachable
	 */
	void restart(String service, String probe) {
		Map<String, String> environment = this.environments.get(service);
		launch(service, environment, Map.of());
		awaitOk(gateway() + probe);
	}

	private void launch(String service, Map<String, String> common, Map<String, String> own) {
		Map<String, String> environment = new LinkedHashMap<>(common);
		environment.putAll(own);
		synchronized (this.processes) {
			this.environments.put(service, environment);
		}
		Path jar = this.root.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: e2e-tests run after the services are packaged");
		}
		ChildJvm.Builder builder = ChildJvm.builder(service)
			.jar(jar)
			.jvmOptions("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k")
			.logFile(Path.of("target", "e2e-logs", service + ".log"))
			.readyWhen((line) -> line.contains("Started ") && line.contains(" seconds"), START_TIMEOUT)
			.env("SERVER_PORT", Integer.toString(this.ports.get(service)));
		environment.forEach(builder::env);
		try {
			ChildJvm process = builder.start();
			synchronized (this.processes) {
				this.processes.add(process);
				this.byService.put(service, process);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(service + " did not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * 200s in a row that make a route's circuit breaker (a window of 20 calls, opening at
	 * 50 % failures, the gateway's defaults) forget the failures of the start-up.
	 */
	private static final int OK_IN_A_ROW = 11;

	private static void awaitOk(String url) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		int last = -1;
		// Enough 200s in a row to outweigh every failure the gateway's circuit breaker
		// may still hold: it counts the 503s of a route whose service is not registered
		// yet, over its last 20 calls, and opens at 50 % (three in a row had let it open
		// on the test's own call). Consecutive 200s are asked for without a pause.
		int okInARow = 0;
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				last = response.statusCode();
				okInARow = (last == 200) ? okInARow + 1 : 0;
				if (okInARow == OK_IN_A_ROW) {
					return;
				}
				if (okInARow > 0) {
					continue;
				}
			}
			catch (IOException ex) {
				// not yet listening
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(url + " did not answer 200 within " + START_TIMEOUT + " (last " + last + ")");
	}

	private void stop() {
		List<ChildJvm> running;
		synchronized (this.processes) {
			running = new ArrayList<>(this.processes);
		}
		// All at once, one thread each (the common pool may have a single worker on two
		// cores): the test JVM has 30 seconds to exit after the last test before Surefire
		// kills it, and each service may take up to its grace period.
		List<Thread> stoppers = running.stream()
			.map((process) -> Thread.ofPlatform()
				.name("e2e-stop-" + process)
				.start(() -> process.stop(Duration.ofSeconds(10))))
			.toList();
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
