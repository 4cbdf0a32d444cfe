package io.fleetgrid.ingest.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.IngestServiceApplication;
import io.fleetgrid.ingest.device.DeviceRegistry;
import io.fleetgrid.ingest.support.DeviceServiceStandIn;
import io.fleetgrid.ingest.support.KafkaTestRecords;
import io.fleetgrid.localstack.process.FreePorts;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Several persistent sessions of one ingest instance on a shared subscription, against
 * the real Kafka broker and a real Mosquitto 2 broker (the {@code mosquitto} binary on
 * the PATH, started here with a password file and the device ACL; the test is skipped
 * where it is not installed). The local stack's Moquette 0.17 has no shared
 * subscriptions. Mosquitto authenticates devices itself here, so devices are known to
 * ingest through {@code fleetgrid.devices.v1}, as in production.
 */
@RealInfra(servers = Server.KAFKA)
class MqttSharedSubscriptionIntegrationTests {

	private static final int SESSIONS = 3;

	private static final String INGEST_PASSWORD = "ingest-" + UUID.randomUUID();

	private static final List<String> DEVICES = List.of("veh-s-" + UUID.randomUUID(), "veh-s-" + UUID.randomUUID(),
			"veh-s-" + UUID.randomUUID());

	private static DeviceServiceStandIn deviceService;

	private static Process mosquitto;

	private static String brokerUrl;

	private static ConfigurableApplicationContext ingest;

	@BeforeAll
	static void start() throws Exception {
		assumeThat(onPath("mosquitto") && onPath("mosquitto_passwd"))
			.as("mosquitto and mosquitto_passwd on the PATH (Debian: apt-get install mosquitto)")
			.isTrue();
		deviceService = new DeviceServiceStandIn();
		Path dir = Files.createTempDirectory("ingest-mosquitto-");
		List<String> logins = new ArrayList<>(List.of("fleetgrid-ingest:" + INGEST_PASSWORD));
		DEVICES.forEach((device) -> logins.add(device + ":token-" + device));
		Path passwords = Files.write(dir.resolve("passwd"), logins);
		run("mosquitto_passwd", "-U", passwords.toString());
		Path acl = Files.writeString(dir.resolve("acl"), """
				user fleetgrid-ingest
				topic read devices/+/telemetry
				topic read $share/ingest/devices/+/telemetry

				pattern write devices/%u/telemetry
				""");
		int port = FreePorts.find();
		List<String> config = new ArrayList<>(
				List.of("listener " + port + " 127.0.0.1", "allow_anonymous false", "password_file " + passwords,
						"acl_file " + acl, "max_inflight_messages 100", "max_queued_messages 0", "persistence false"));
		if ("root".equals(System.getProperty("user.name"))) {
			config.add("user root");
		}
		Path conf = Files.write(dir.resolve("mosquitto.conf"), config);
		Path log = Path.of("target", "infra-logs", "mosquitto.log");
		Files.createDirectories(log.getParent());
		mosquitto = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
		brokerUrl = "tcp://127.0.0.1:" + port;
		Instant now = Instant.now();
		for (String device : DEVICES) {
			deviceService.put(device, "token-" + device, "tenant-s", DeviceType.VEHICLE, true);
			KafkaTestRecords.produce(Topics.DEVICES, device, new DeviceSnapshot(device, "tenant-s", DeviceType.VEHICLE,
					device, null, List.of(), List.of(), true, null, null, now, now));
		}
		startIngest();
	}

	@AfterAll
	static void stop() throws InterruptedException {
		if (ingest != null) {
			ingest.close();
		}
		if (mosquitto != null) {
			mosquitto.destroy();
			mosquitto.waitFor(10, TimeUnit.SECONDS);
		}
		if (deviceService != null) {
			deviceService.close();
		}
	}

	private static void startIngest() {
		ingest = new SpringApplicationBuilder(IngestServiceApplication.class).profiles("test")
			.run("--server.port=0", "--fleetgrid.mqtt.url=" + brokerUrl, "--fleetgrid.mqtt.password=" + INGEST_PASSWORD,
					"--fleetgrid.mqtt.subscribers=" + SESSIONS,
					"--fleetgrid.mqtt.topic-filter=$share/ingest/devices/+/telemetry",
					"--fleetgrid.ingest.device-auth.url=" + deviceService.url());
		MqttTelemetrySubscriber subscriber = ingest.getBean(MqttTelemetrySubscriber.class);
		await().atMost(Duration.ofSeconds(60)).until(subscriber::isSubscribed);
		DeviceRegistry registry = ingest.getBean(DeviceRegistry.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> DEVICES.stream().allMatch((device) -> registry.find(device).isPresent()));
	}

	@Test
	void everyMessageReachesKafkaOnceAlsoWhenPublishedWhileIngestIsStopped() throws Exception {
		List<MqttAsyncClient> devices = new ArrayList<>();
		try {
			for (String device : DEVICES) {
				devices.add(connect(device));
			}
			// Enough messages that each of the three sessions gets some (Mosquitto hands
			// a
			// shared subscription's messages to its members in turn).
			publish(devices, 1, 60);
			for (String device : DEVICES) {
				awaitSeqs(device, 60);
			}
			assertThat(ingest.getBean(MqttTelemetrySubscriber.class).receivedPerSession()).hasSize(SESSIONS)
				.allSatisfy((session, received) -> assertThat(received).as(session).isPositive());

			ingest.close();
			// All sessions are offline: Mosquitto queues for them.
			publish(devices, 61, 90);
			startIngest();

			for (String device : DEVICES) {
				awaitSeqs(device, 90);
			}
			// Nothing more arrives late (a message written twice would show up here).
			Thread.sleep(2000);
			for (String device : DEVICES) {
				awaitSeqs(device, 90);
			}
		}
		finally {
			for (MqttAsyncClient client : devices) {
				client.disconnect(2000).waitForCompletion(3000);
				client.close();
			}
		}
	}

	private static MqttAsyncClient connect(String device) throws MqttException {
		MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "c-" + UUID.randomUUID().toString().substring(0, 20),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setUserName(device);
		options.setPassword(("token-" + device).toCharArray());
		options.setCleanSession(true);
		options.setMaxInflight(100);
		client.connect(options).waitForCompletion(10_000);
		return client;
	}

	// Publishes seq from..to of every device at QoS 1 and waits for the broker's PUBACKs.
	private static void publish(List<MqttAsyncClient> clients, long from, long to) throws MqttException {
		List<org.eclipse.paho.client.mqttv3.IMqttDeliveryToken> tokens = new ArrayList<>();
		for (long seq = from; seq <= to; seq++) {
			for (int d = 0; d < clients.size(); d++) {
				MqttMessage message = new MqttMessage(event(seq).getBytes(StandardCharsets.UTF_8));
				message.setQos(1);
				tokens.add(clients.get(d).publish(MqttAccess.telemetryTopic(DEVICES.get(d)), message));
			}
		}
		for (var token : tokens) {
			token.waitForCompletion(10_000);
		}
	}

	private static String event(long seq) {
		return "{\"ts\":\"" + Instant.now() + "\",\"seq\":" + seq + ",\"metrics\":{\"speedKph\":42.5}}";
	}

	// Several sessions share the work, so one device's events may reach Kafka out of
	// order; each must be there exactly once.
	private static void awaitSeqs(String device, long upTo) {
		List<Long> expected = LongStream.rangeClosed(1, upTo).boxed().toList();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(KafkaTestRecords.readToEnd(Topics.TELEMETRY, device))
				.extracting((record) -> record.value().seq())
				.containsExactlyInAnyOrderElementsOf(expected));
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		return path != null && List.of(path.split(java.io.File.pathSeparator))
			.stream()
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0).as(String.join(" ", command))
			.isTrue();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
