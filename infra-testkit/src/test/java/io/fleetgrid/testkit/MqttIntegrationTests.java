package io.fleetgrid.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetgrid.localstack.process.FreePorts;
import io.fleetgrid.localstack.process.InfraNode;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The MQTT server of the local stack is a real MQTT 3.1.1 broker, driven here with the
 * Eclipse Paho client: QoS 1 delivery, persistent sessions that outlive the subscriber's
 * connection and a broker restart, and the HTTP authentication and authorisation hooks.
 */
@RealInfra(servers = Server.MQTT)
class MqttIntegrationTests {

	private static final String PAYLOAD = "{\"ts\":\"2026-11-23T10:15:30.123Z\",\"seq\":%d,\"metrics\":{\"speedKph\":87.5}}";

	private final List<MqttClient> clients = new ArrayList<>();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void closeClients() throws MqttException {
		for (MqttClient client : this.clients) {
			if (client.isConnected()) {
				// Do not wait for in-flight messages the broker will never acknowledge.
				client.disconnect(0);
			}
			client.close();
		}
	}

	@Test
	void subscriberReceivesAQos1MessageWithItsPayload() throws Exception {
		String url = System.getProperty("fleetgrid.mqtt.url");
		String topic = "devices/truck-" + this.run + "/telemetry";
		Inbox inbox = new Inbox();
		MqttClient subscriber = connect(url, "sub-" + this.run, true, null, inbox);
		subscriber.subscribe("devices/+/telemetry", 1);
		MqttClient device = connect(url, "truck-" + this.run, true, null, new Inbox());

		device.publish(topic, payload(1), 1, false);

		Delivery delivery = inbox.next();
		assertThat(delivery.topic()).isEqualTo(topic);
		assertThat(delivery.payload()).isEqualTo(PAYLOAD.formatted(1));
		assertThat(delivery.qos()).isEqualTo(1);
	}

	@Test
	void persistentSessionGetsQos1MessagesPublishedWhileItWasOffline() throws Exception {
		String url = System.getProperty("fleetgrid.mqtt.url");
		String topic = "devices/van-" + this.run + "/telemetry";
		String subscriberId = "ingest-" + this.run;
		MqttClient subscriber = connect(url, subscriberId, false, null, new Inbox());
		subscriber.subscribe(topic, 1);
		subscriber.disconnect();
		MqttClient device = connect(url, "van-" + this.run, true, null, new Inbox());

		device.publish(topic, payload(1), 1, false);
		device.publish(topic, payload(2), 1, false);
		Inbox inbox = new Inbox();
		connect(url, subscriberId, false, null, inbox);

		assertThat(inbox.next().payload()).isEqualTo(PAYLOAD.formatted(1));
		assertThat(inbox.next().payload()).isEqualTo(PAYLOAD.formatted(2));
	}

	@Test
	void persistentSessionKeepsItsQueuedQos1MessagesAcrossABrokerRestart() throws Exception {
		String url = System.getProperty("fleetgrid.mqtt.url");
		String topic = "devices/pv-" + this.run + "/telemetry";
		String subscriberId = "ingest-restart-" + this.run;
		MqttClient subscriber = connect(url, subscriberId, false, null, new Inbox());
		subscriber.subscribe(topic, 1);
		subscriber.disconnect();
		MqttClient device = connect(url, "pv-" + this.run, true, null, new Inbox());
		device.publish(topic, payload(7), 1, false);
		device.disconnect();

		Infra.node(Server.MQTT).restart();

		Inbox inbox = new Inbox();
		connect(url, subscriberId, false, null, inbox);
		assertThat(inbox.next().payload()).isEqualTo(PAYLOAD.formatted(7));
	}

	private MqttClient connect(String url, String clientId, boolean cleanSession, String[] credentials, Inbox inbox)
			throws MqttException {
		MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
		this.clients.add(client);
		client.setCallback(inbox);
		client.setTimeToWait(5000);
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(cleanSession);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(5);
		if (credentials != null) {
			options.setUserName(credentials[0]);
			options.setPassword(credentials[1].toCharArray());
		}
		client.connect(options);
		return client;
	}

	private static byte[] payload(int seq) {
		return PAYLOAD.formatted(seq).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A broker of its own whose {@code authUrl} and {@code aclUrl} point at a small HTTP
	 * endpoint in this test: a device authenticates with its id and {@code token-<id>},
	 * may publish only to {@code devices/<id>/telemetry} and may not subscribe; user
	 * {@code ingest} may subscribe to everything.
	 */
	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	@RealInfra(servers = Server.MQTT) // the extension reads the annotation of the nested
										// class itself
	class WithAccessHooks {

		private HttpServer hooks;

		private InfraNode broker;

		private String url;

		@BeforeAll
		void startBrokerWithHooks(@TempDir Path dataDir) throws IOException {
			this.hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.hooks.createContext("/mqtt/auth", (exchange) -> decide(exchange, (request) -> {
				String username = request.path("username").asString();
				return request.path("password").asString().equals("token-" + username);
			}));
			this.hooks.createContext("/mqtt/acl", (exchange) -> decide(exchange, (request) -> {
				String username = request.path("username").asString();
				return switch (request.path("action").asString()) {
					case "publish" -> request.path("topic").asString().equals("devices/" + username + "/telemetry");
					case "subscribe" -> username.equals("ingest");
					default -> false;
				};
			}));
			this.hooks.start();
			String hookBase = "http://localhost:" + this.hooks.getAddress().getPort() + "/mqtt";
			this.broker = InfraNode.start("mqtt", FreePorts.find(), dataDir,
					Map.of("authUrl", hookBase + "/auth", "aclUrl", hookBase + "/acl"), Infra.START_TIMEOUT);
			this.url = this.broker.property("url");
		}

		@AfterAll
		void stopBrokerAndHooks() {
			if (this.broker != null) {
				this.broker.close();
			}
			this.hooks.stop(0);
		}

		@Test
		void refusesAWrongPasswordAndMissingCredentials() throws MqttException {
			assertThatExceptionOfType(MqttException.class)
				.isThrownBy(() -> connect(this.url, "d1", true, new String[] { "d1", "token-d2" }, new Inbox()))
				.satisfies((ex) -> assertThat(ex.getReasonCode())
					.isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
			assertThatExceptionOfType(MqttException.class)
				.isThrownBy(() -> connect(this.url, "anonymous", true, null, new Inbox()));

			MqttClient device = connect(this.url, "d1", true, new String[] { "d1", "token-d1" }, new Inbox());
			assertThat(device.isConnected()).isTrue();
		}

		@Test
		void dropsAPublishToATopicTheAclDeniesAndDeliversOneToTheDevicesOwnTopic() throws Exception {
			Inbox ingest = new Inbox();
			connect(this.url, "ingest-1", true, new String[] { "ingest", "token-ingest" }, ingest)
				.subscribe("devices/#", 1);
			MqttClient device = connect(this.url, "d1", true, new String[] { "d1", "token-d1" }, new Inbox());
			device.setTimeToWait(2000);

			assertThatExceptionOfType(MqttException.class).as("no PUBACK for a publish to another device's topic")
				.isThrownBy(() -> device.publish("devices/d2/telemetry", payload(1), 1, false))
				.satisfies((ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_CLIENT_TIMEOUT));
			device.publish("devices/d1/telemetry", payload(2), 1, false);

			Delivery first = ingest.next();
			assertThat(first.topic()).isEqualTo("devices/d1/telemetry");
			assertThat(first.payload()).isEqualTo(PAYLOAD.formatted(2));
			assertThat(ingest.poll(500)).isNull();
		}

		@Test
		void refusesASubscriptionTheAclDenies() throws MqttException {
			MqttClient device = connect(this.url, "d3", true, new String[] { "d3", "token-d3" }, new Inbox());
			assertThatExceptionOfType(MqttException.class).isThrownBy(() -> device.subscribe("devices/#", 1))
				.satisfies(
						(ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED));
		}

		private static void decide(HttpExchange exchange, Predicate<JsonNode> allowed) throws IOException {
			try (exchange) {
				JsonNode request = JsonMapper.shared().readTree(exchange.getRequestBody());
				exchange.sendResponseHeaders(allowed.test(request) ? 204 : 403, -1);
			}
		}

	}

	record Delivery(String topic, String payload, int qos) {
	}

	static final class Inbox implements MqttCallback {

		private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			this.deliveries
				.add(new Delivery(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos()));
		}

		@Override
		public void connectionLost(Throwable cause) {
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

		Delivery next() throws InterruptedException {
			Delivery delivery = poll(10_000);
			assertThat(delivery).as("a message within 10 s").isNotNull();
			return delivery;
		}

		Delivery poll(long millis) throws InterruptedException {
			return this.deliveries.poll(millis, TimeUnit.MILLISECONDS);
		}

	}

}
