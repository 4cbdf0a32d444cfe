package io.fleetgrid.localstack.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.fleetgrid.localstack.server.InfraServer;
import io.fleetgrid.localstack.server.ServerSettings;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MqttServerIntegrationTests {

	@TempDir
	Path dataDir;

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeResources() throws Exception {
		for (AutoCloseable resource : this.resources.reversed()) {
			resource.close();
		}
	}

	@Test
	void persistentSessionReceivesQos1MessagePublishedWhileOfflineAfterBrokerRestart() throws Exception {
		int port = freePort();
		ServerSettings settings = new ServerSettings(port, this.dataDir, Map.of());
		InfraServer broker = new MqttServerFactory().create(settings);
		String url = broker.start().get("url");
		Received received = new Received();
		MqttClient subscriber = connect(url, "subscriber-1", false, null, null, received);
		subscriber.subscribe("devices/+/telemetry", 1);
		subscriber.disconnect();
		MqttClient publisher = connect(url, "publisher-1", true, null, null, new Received());
		publisher.publish("devices/d1/telemetry", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
		publisher.disconnect();
		broker.close();

		InfraServer restarted = new MqttServerFactory().create(settings);
		this.resources.add(restarted);
		restarted.start();
		connect(url, "subscriber-1", false, null, null, received);
		assertThat(received.next()).isEqualTo("devices/d1/telemetry {\"seq\":1}");
	}

	@Test
	void refusesAWrongPasswordAndPublishingToATopicTheAclDenies() throws Exception {
		HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		hooks.createContext("/auth", (exchange) -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(body.contains("\"password\":\"right\"") ? 200 : 401, -1);
			}
		});
		hooks.createContext("/acl", (exchange) -> {
			try (exchange) {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				boolean own = body.contains("\"topic\":\"devices/d1/telemetry\"")
						|| body.contains("\"action\":\"subscribe\"");
				exchange.sendResponseHeaders(own ? 204 : 403, -1);
			}
		});
		hooks.start();
		this.resources.add(() -> hooks.stop(0));
		String base = "http://localhost:" + hooks.getAddress().getPort();
		int port = freePort();
		InfraServer broker = new MqttServerFactory()
			.create(new ServerSettings(port, this.dataDir, Map.of("authUrl", base + "/auth", "aclUrl", base + "/acl")));
		this.resources.add(broker);
		String url = broker.start().get("url");

		assertThatExceptionOfType(MqttException.class)
			.isThrownBy(() -> connect(url, "d1", true, "d1", "wrong", new Received()))
			.satisfies(
					(ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
		assertThatExceptionOfType(MqttException.class)
			.isThrownBy(() -> connect(url, "anon", true, null, null, new Received()));

		Received received = new Received();
		MqttClient watcher = connect(url, "watcher", true, "watcher", "right", received);
		watcher.subscribe("devices/#", 1);
		MqttClient device = connect(url, "d1", true, "d1", "right", new Received());
		device.setTimeToWait(2000);
		assertThatExceptionOfType(MqttException.class).isThrownBy(
				() -> device.publish("devices/d2/telemetry", "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false))
			.satisfies((ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_CLIENT_TIMEOUT));
		device.publish("devices/d1/telemetry", "{\"seq\":2}".getBytes(StandardCharsets.UTF_8), 1, false);
		assertThat(received.next()).isEqualTo("devices/d1/telemetry {\"seq\":2}");
	}

	private MqttClient connect(String url, String clientId, boolean cleanSession, String username, String password,
			Received received) throws MqttException {
		MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
		client.setCallback(received);
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(cleanSession);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(5);
		if (username != null) {
			options.setUserName(username);
			options.setPassword(password.toCharArray());
		}
		client.connect(options);
		this.resources.add(() -> {
			if (client.isConnected()) {
				// Do not wait for in-flight messages the broker will never acknowledge.
				client.disconnectForcibly(0, 1000);
			}
			client.close();
		});
		return client;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static final class Received implements MqttCallback {

		private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			this.messages.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
		}

		@Override
		public void connectionLost(Throwable cause) {
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

		String next() throws InterruptedException {
			return this.messages.poll(10, TimeUnit.SECONDS);
		}

	}

}
