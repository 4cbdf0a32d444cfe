package io.fleetgrid.simulator.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.fleetgrid.simulator.model.DeviceCredential;
import io.fleetgrid.simulator.model.EventJson;
import io.fleetgrid.mqtt.BufferedSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes to {@code devices/{id}/telemetry}, one MQTT connection per device (username =
 * device id, password = token). With QoS 1 an event counts as accepted when the broker's
 * PUBACK arrived; with QoS 0 when it was written to the socket.
 */
public final class MqttTelemetrySender implements TelemetrySender {

	private final String brokerUrl;

	private final int qos;

	private final Map<String, MqttAsyncClient> clients = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	/**
	 * A sender.
	 * @param brokerUrl for example {@code tcp://localhost:1883}
	 * @param qos 0 or 1
	 */
	public MqttTelemetrySender(String brokerUrl, int qos) {
		this.brokerUrl = brokerUrl;
		this.qos = qos;
	}

	@Override
	public CompletableFuture<String> send(DeviceCredential device, List<String> events) {
		CompletableFuture<String> done = new CompletableFuture<>();
		try {
			MqttAsyncClient client = client(device);
			String payload = (events.size() == 1) ? events.get(0) : EventJson.batch(events);
			MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
			message.setQos(this.qos);
			client.publish("devices/" + device.deviceId() + "/telemetry", message, null, new IMqttActionListener() {

				@Override
				public void onSuccess(IMqttToken token) {
					done.complete((MqttTelemetrySender.this.qos == 0) ? "sent" : "puback");
				}

				@Override
				public void onFailure(IMqttToken token, Throwable ex) {
					done.completeExceptionally(ex);
				}

			});
		}
		catch (MqttException | RuntimeException ex) {
			done.completeExceptionally(ex);
		}
		return done;
	}

	/**
	 * Connects every device, a few at a time, before the run; a device that cannot
	 * connect now is tried again on its first send.
	 */
	@Override
	public void prepare(List<DeviceCredential> devices) {
		devices.parallelStream().forEach((device) -> {
			try {
				client(device);
			}
			catch (MqttException ex) {
				// Counted as an error when it sends.
			}
		});
	}

	private MqttAsyncClient client(DeviceCredential device) throws MqttException {
		MqttAsyncClient client = this.clients.get(device.deviceId());
		if (client != null) {
			return client;
		}
		synchronized (this.locks.computeIfAbsent(device.deviceId(), (id) -> new Object())) {
			client = this.clients.get(device.deviceId());
			if (client == null) {
				client = new MqttAsyncClient(this.brokerUrl, MqttAsyncClient.generateClientId(),
						new MemoryPersistence());
				MqttConnectOptions options = new MqttConnectOptions();
				options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
				options.setUserName(device.deviceId());
				options.setPassword(device.token().toCharArray());
				options.setAutomaticReconnect(true);
				options.setCleanSession(true);
				options.setMaxInflight(1000);
				if (this.brokerUrl.startsWith("tcp://")) {
					options.setSocketFactory(new BufferedSocketFactory());
				}
				client.connect(options).waitForCompletion(10_000);
				this.clients.put(device.deviceId(), client);
			}
			return client;
		}
	}

	@Override
	public boolean accepted(String outcome) {
		return "puback".equals(outcome) || "sent".equals(outcome);
	}

	@Override
	public void close() {
		for (MqttAsyncClient client : this.clients.values()) {
			try {
				client.disconnect(1000).waitForCompletion(2000);
				client.close();
			}
			catch (MqttException ex) {
				// Closing anyway.
			}
		}
		this.clients.clear();
	}

}
