package io.fleetgrid.ingest.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.IngestServiceApplication;
import io.fleetgrid.ingest.support.DeviceServiceStandIn;
import io.fleetgrid.ingest.support.KafkaTestRecords;
import io.fleetgrid.localstack.process.FreePorts;
import io.fleetgrid.localstack.process.InfraNode;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * MQTT ingest against the real Kafka broker and the real MQTT broker (Moquette, started
 * here with its authentication and ACL hooks pointing at ingest, as the local stack
 * does). device-service is {@link DeviceServiceStandIn a stand-in}. Ingest runs as a
 * whole application that the tests stop and start again.
 */
@RealInfra(servers = Server.KAFKA)
class MqttIngestIntegrationTests {

	private static final String INGEST_PASSWORD = "ingest-" + UUID.randomUUID();

	private static DeviceServiceStandIn deviceService;

	private static InfraNode broker;

	private static int ingestPort;

	private static ConfigurableApplicationContext ingest;

	@BeforeAll
	static void start() throws IOException {
		deviceService = new DeviceServiceStandIn();
		ingestPort = FreePorts.find();
		String hooks = "http://127.0.0.1:" + ingestPort + "/internal/mqtt/";
		Path dataDir = Files.createTempDirectory("ingest-mqtt-");
		broker = InfraNode.builder("mqtt")
			.port(FreePorts.find())
			.dataDir(dataDir)
			.logFile(Path.of("target", "infra-logs", "mqtt-hooks.log"))
			.option("authUrl", hooks + "auth")
			.option("aclUrl", hooks + "acl")
			.startTimeout(Duration.ofSeconds(120))
			.start();
		startIngest();
	}

	@AfterAll
	static void stop() {
		if (ingest != null) {
			ingest.close();
		}
		if (broker != null) {
			broker.close();
		}
		if (deviceService != null) {
			deviceService.close();
		}
	}

	private static void startIngest() {
		// Command-line arguments: they override application.yml (builder properties would
		// not).
		ingest = new SpringApplicationBuilder(IngestServiceApplication.class).profiles("test")
			.run("--server.port=" + ingestPort, "--fleetgrid.mqtt.url=" + broker.property("url"),
					"--fleetgrid.mqtt.password=" + INGEST_PASSWORD,
					"--fleetgrid.ingest.device-auth.url=" + deviceService.url());
		// Until ingest's session first subscribed, the broker has nothing to queue
		// messages for.
		MqttTelemetrySubscriber subscriber = ingest.getBean(MqttTelemetrySubscriber.class);
		await().atMost(Duration.ofSeconds(60)).until(subscriber::isSubscribed);
	}

	@Test
	void aQos1MessagePublishedWhileIngestIsStoppedArrivesOnKafkaAfterItRestarts() throws Exception {
		String device = registerVehicle();
		try (DeviceConnection connection = connect(device, "token-" + device)) {
			publish(connection.client(), device, 1);
			awaitSeqs(device, 1L);

			ingest.close();
			// The broker holds ingest's persistent session: QoS 1 messages queue for it
			// meanwhile (the ACL decision
			// for this device's topic is cached by the broker, so publishing needs no
			// hook).
			publish(connection.client(), device, 2);
			publish(connection.client(), device, 3);
			startIngest();

			awaitSeqs(device, 1L, 2L, 3L);
		}
	}

	@Test
	void publishingToAnotherDevicesTopicIsRefused() throws Exception {
		String device = registerVehicle();
		String victim = registerVehicle();
		try (DeviceConnection connection = connect(device, "token-" + device)) {
			MqttMessage forged = new MqttMessage(event(1).getBytes(StandardCharsets.UTF_8));
			forged.setQos(0);
			connection.client().publish(MqttAccess.telemetryTopic(victim), forged);
			publish(connection.client(), device, 1);
			awaitSeqs(device, 1L);
		}
		assertThat(KafkaTestRecords.readToEnd(Topics.TELEMETRY, victim)).isEmpty();
	}

	@Test
	void aWrongPasswordIsRefused() {
		String device = registerVehicle();
		assertThatExceptionOfType(MqttSecurityException.class).isThrownBy(() -> connect(device, "wrong").close());
	}

	@Test
	void anInvalidPayloadIsDeadLetteredAndTheSubscriberKeepsGoing() throws Exception {
		String device = registerVehicle();
		try (DeviceConnection connection = connect(device, "token-" + device)) {
			MqttMessage broken = new MqttMessage("{\"ts\":".getBytes(StandardCharsets.UTF_8));
			broken.setQos(1);
			connection.client().publish(MqttAccess.telemetryTopic(device), broken);
			publish(connection.client(), device, 7);
			awaitSeqs(device, 7L);
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(KafkaTestRecords.readToEnd(Topics.TELEMETRY_DLT, device)).singleElement()
				.satisfies((record) -> assertThat(record.value().source()).isEqualTo("ingest-mqtt")));
	}

	private static String registerVehicle() {
		String device = "veh-" + UUID.randomUUID();
		deviceService.put(device, "token-" + device, "tenant-m", DeviceType.VEHICLE, true);
		Instant now = Instant.now();
		KafkaTestRecords.produce(Topics.DEVICES, device, new DeviceSnapshot(device, "tenant-m", DeviceType.VEHICLE,
				device, null, List.of(), List.of(), true, null, null, now, now));
		return device;
	}

	private static DeviceConnection connect(String username, String password) throws MqttException {
		MqttClient client = new MqttClient(broker.property("url"), "c-" + UUID.randomUUID().toString().substring(0, 20),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setUserName(username);
		options.setPassword(password.toCharArray());
		options.setCleanSession(true);
		options.setConnectionTimeout(10);
		try {
			client.connect(options);
		}
		catch (MqttException ex) {
			client.close();
			throw ex;
		}
		return new DeviceConnection(client);
	}

	private static void publish(MqttClient client, String device, long seq) throws MqttException {
		MqttMessage message = new MqttMessage(event(seq).getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		// Returns after the broker's PUBACK.
		client.publish(MqttAccess.telemetryTopic(device), message);
	}

	private static String event(long seq) {
		return "{\"ts\":\"" + Instant.now() + "\",\"seq\":" + seq + ",\"metrics\":{\"speedKph\":42.5}}";
	}

	private static void awaitSeqs(String device, Long... seqs) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(KafkaTestRecords.readToEnd(Topics.TELEMETRY, device))
				.extracting((record) -> record.value().seq())
				.containsExactly(seqs));
	}

	/** A device's MQTT connection, disconnected and closed at the end of a test. */
	private record DeviceConnection(MqttClient client) implements AutoCloseable {

		@Override
		public void close() throws MqttException {
			if (this.client.isConnected()) {
				this.client.disconnect(2000);
			}
			this.client.close();
		}

	}

}
