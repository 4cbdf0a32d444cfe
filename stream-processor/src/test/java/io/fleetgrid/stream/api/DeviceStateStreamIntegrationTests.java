package io.fleetgrid.stream.api;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live state stream on the real broker: a {@code DeviceState} record on
 * {@code fleetgrid.device-state.v1} reaches connected clients through the global store of
 * the whole running service, scoped to the caller; a client that never reads holds up
 * neither the global stream thread nor other clients; a client that goes away is removed.
 * The context is closed after the class, like the other integration tests here.
 */
@RealInfra(servers = Server.KAFKA)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fleetgrid.stream.application-id=state-stream-it",
				"fleetgrid.stream.state-stream.heartbeat=1s" })
@ActiveProfiles("test")
@Import(TestTokens.Config.class)
@DirtiesContext
class DeviceStateStreamIntegrationTests {

	private static final Instant NOW = Instant.now();

	private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<AutoCloseable> clients = new ArrayList<>();

	private final int port;

	private final Registry registry;

	private final StateStreamHub hub;

	DeviceStateStreamIntegrationTests(@LocalServerPort int port, @Autowired Registry registry,
			@Autowired StateStreamHub hub) {
		this.port = port;
		this.registry = registry;
		this.hub = hub;
	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
		// close() would wait for every exchange to finish, and an open event stream never
		// does: abort them instead.
		this.http.shutdownNow();
	}

	@Test
	void aStateRecordOnTheTopicReachesTheConnectedUserOfAnAssignedDeviceOnly() throws Exception {
		String assigned = this.tenant + "-veh-a";
		String other = this.tenant + "-veh-b";
		registerDevices(device(assigned, List.of("u-1")), device(other, List.of()));
		List<String> events = connect(TestTokens.bearer("u-1", this.tenant, Role.USER));

		produceStates(List.of(state(other, 10.0), state(assigned, 64.5)));

		await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().anyMatch((line) -> line.contains(assigned)));
		assertThat(events).contains("event:state");
		assertThat(events.stream().filter((line) -> line.startsWith("data:") && line.contains(assigned)).findFirst())
			.hasValueSatisfying((data) -> assertThat(data).contains("\"speedKph\":64.5"));
		assertThat(events).noneMatch((line) -> line.contains(other));
		await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(":heartbeat"));

		HttpResponse<String> list = this.http.send(
				request("/api/v1/device-states", TestTokens.bearer("u-1", this.tenant, Role.USER)).build(),
				BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(assigned).doesNotContain(other);
	}

	@Test
	void anotherTenantsStreamReceivesNothing() throws Exception {
		String device = this.tenant + "-veh-c";
		registerDevices(device(device, List.of()));
		List<String> foreign = connect(TestTokens.bearer("other-" + this.tenant, Role.ADMIN));
		List<String> own = connect(TestTokens.bearer(this.tenant, Role.FLEET_MANAGER));

		produceStates(List.of(state(device, 30.0)));

		await().atMost(Duration.ofSeconds(30)).until(() -> own.stream().anyMatch((line) -> line.contains(device)));
		await().atMost(Duration.ofSeconds(10)).until(() -> foreign.contains(":heartbeat"));
		assertThat(foreign).noneMatch((line) -> line.contains(device));
	}

	@Test
	void aClientThatNeverReadsHoldsUpNeitherTheStreamThreadNorOtherClients() throws Exception {
		List<DeviceSnapshot> devices = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			devices.add(device(this.tenant + "-veh-" + i, List.of()));
		}
		registerDevices(devices.toArray(DeviceSnapshot[]::new));
		String manager = TestTokens.bearer(this.tenant, Role.FLEET_MANAGER);
		Socket stuck = new Socket("localhost", this.port);
		this.clients.add(stuck);
		stuck.setReceiveBufferSize(4096);
		OutputStream out = stuck.getOutputStream();
		out.write(("GET /api/v1/device-states/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
				+ "Authorization: " + manager + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.openStreams(this.tenant) == 1);
		List<String> reader = connect(manager);

		// ~20k states of 50 devices (several MB of events): far more than the socket
		// buffers of a client that never reads.
		List<DeviceState> states = new ArrayList<>();
		for (int round = 0; round < 400; round++) {
			for (DeviceSnapshot device : devices) {
				states.add(state(device.deviceId(), round));
			}
		}
		String last = devices.get(49).deviceId();
		states.add(state(last, 999.0));
		produceStates(states);

		await().atMost(Duration.ofSeconds(90))
			.until(() -> reader.stream()
				.anyMatch((line) -> line.contains(last) && line.contains("\"speedKph\":999.0")));
	}

	@Test
	void aClientThatGoesAwayIsRemoved() throws Exception {
		// Counted for this test's own tenant: the streams of earlier tests are removed
		// only once the server notices their clients went away, which may happen
		// meanwhile.
		int before = this.hub.openStreams(this.tenant);
		HttpResponse<Stream<String>> response = this.http.send(
				request("/api/v1/device-states/stream", TestTokens.bearer(this.tenant, Role.FLEET_MANAGER)).build(),
				BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.hub.openStreams(this.tenant) == before + 1);

		response.body().close();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.hub.openStreams(this.tenant) == before);
	}

	private List<String> connect(String authorization) throws Exception {
		HttpResponse<Stream<String>> response = this.http
			.send(request("/api/v1/device-states/stream", authorization).build(), BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> lines = new CopyOnWriteArrayList<>();
		Stream<String> body = response.body();
		this.clients.add(body::close);
		Thread.ofVirtual().start(() -> {
			try {
				body.forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// closed by the test
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":connected"));
		return lines;
	}

	private HttpRequest.Builder request(String path, String authorization) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.GET();
	}

	private void registerDevices(DeviceSnapshot... devices) {
		try (KafkaProducer<String, DeviceSnapshot> producer = new KafkaProducer<>(producerConfig(),
				JsonSerdes.keySerializer(Topics.DEVICES), JsonSerdes.valueSerializer(Topics.DEVICES))) {
			for (DeviceSnapshot device : devices) {
				producer.send(new ProducerRecord<>(Topics.DEVICES.name(), device.deviceId(), device));
			}
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Stream.of(devices).allMatch((device) -> this.registry.device(device.deviceId()) != null));
	}

	private void produceStates(List<DeviceState> states) {
		try (KafkaProducer<String, DeviceState> producer = new KafkaProducer<>(producerConfig(),
				JsonSerdes.keySerializer(Topics.DEVICE_STATE), JsonSerdes.valueSerializer(Topics.DEVICE_STATE))) {
			for (DeviceState state : states) {
				producer.send(new ProducerRecord<>(Topics.DEVICE_STATE.name(), state.deviceId(), state));
			}
		}
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
	}

	private DeviceSnapshot device(String id, List<String> assignedUserIds) {
		return new DeviceSnapshot(id, this.tenant, DeviceType.VEHICLE, id, "fleet-1", List.of(), assignedUserIds, true,
				null, null, NOW, NOW);
	}

	private DeviceState state(String id, double speed) {
		return new DeviceState(id, this.tenant, DeviceType.VEHICLE, NOW, new GeoPoint(52.5, 13.4), speed, 90.0, true,
				40.0, null, null, List.of(), Map.of(), NOW);
	}

}
