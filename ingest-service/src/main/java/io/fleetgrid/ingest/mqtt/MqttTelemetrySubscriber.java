package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.device.DeviceRegistry;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Subscribes to {@code devices/+/telemetry} at QoS 1 in a persistent session
 * ({@code cleanSession=false}, fixed client id) with manual acknowledgements: a message
 * is PUBACKed only after Kafka acknowledged its events (or its dead letter), so a crash
 * or restart of ingest loses nothing, the broker redelivers what was not acknowledged and
 * queues what arrives meanwhile. A message Kafka refuses is retried until it is written
 * or ingest stops. Bad input (unknown topic or device, invalid payload, deactivated
 * device) is dead-lettered and acknowledged; the subscriber never dies on it.
 */
public class MqttTelemetrySubscriber implements SmartLifecycle, MqttCallbackExtended {

	private static final Logger LOGGER = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

	private final MqttProperties properties;

	private final TelemetryIngestor ingestor;

	private final DeviceRegistry registry;

	private final DeviceAuthenticator authenticator;

	private final ScheduledExecutorService retries = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-retry").daemon().factory());

	private volatile boolean running;

	private volatile boolean subscribed;

	private volatile MqttAsyncClient client;

	private Thread connector;

	/**
	 * Creates the subscriber.
	 * @param properties broker and session
	 * @param ingestor the ingest core
	 * @param registry tenant and type of devices
	 * @param authenticator devices verified by the auth hook (until the registry knows
	 * them)
	 */
	public MqttTelemetrySubscriber(MqttProperties properties, TelemetryIngestor ingestor, DeviceRegistry registry,
			DeviceAuthenticator authenticator) {
		this.properties = properties;
		this.ingestor = ingestor;
		this.registry = registry;
		this.authenticator = authenticator;
	}

	@Override
	public void start() {
		this.running = true;
		this.connector = Thread.ofPlatform().name("mqtt-connect").daemon().start(this::connect);
	}

	private void connect() {
		try {
			if (!this.registry.awaitCaughtUp(Duration.ofSeconds(60))) {
				LOGGER.warn("Device registry not caught up after 60 s; subscribing anyway");
			}
			MqttAsyncClient mqtt = new MqttAsyncClient(this.properties.url(), this.properties.clientId(),
					new MemoryPersistence());
			mqtt.setManualAcks(true);
			mqtt.setCallback(this);
			MqttConnectOptions options = new MqttConnectOptions();
			options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
			options.setCleanSession(false);
			options.setAutomaticReconnect(true);
			options.setMaxReconnectDelay(5000);
			options.setKeepAliveInterval(30);
			options.setUserName(this.properties.username());
			options.setPassword(this.properties.password().toCharArray());
			this.client = mqtt;
			while (this.running) {
				try {
					mqtt.connect(options).waitForCompletion(10_000);
					return;
				}
				catch (MqttException ex) {
					LOGGER.warn("Cannot connect to the MQTT broker {}: {}; retrying", this.properties.url(),
							ex.toString());
					Thread.sleep(2000);
				}
			}
		}
		catch (MqttException ex) {
			LOGGER.error("Cannot create the MQTT client for {}", this.properties.url(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void connectComplete(boolean reconnect, String serverUri) {
		try {
			// Not waiting here: this runs on Paho's callback thread.
			this.client.subscribe(this.properties.topicFilter(), 1, null, new IMqttActionListener() {

				@Override
				public void onSuccess(IMqttToken token) {
					MqttTelemetrySubscriber.this.subscribed = true;
					LOGGER.info("Subscribed to {} at {} (persistent session {})",
							MqttTelemetrySubscriber.this.properties.topicFilter(), serverUri,
							MqttTelemetrySubscriber.this.properties.clientId());
				}

				@Override
				public void onFailure(IMqttToken token, Throwable ex) {
					LOGGER.error("Cannot subscribe to {}", MqttTelemetrySubscriber.this.properties.topicFilter(), ex);
				}

			});
		}
		catch (MqttException ex) {
			LOGGER.error("Cannot subscribe to {}", this.properties.topicFilter(), ex);
		}
	}

	/**
	 * Whether the subscription is in place (the broker queues for the persistent session
	 * from then on, also while ingest is down).
	 * @return true once subscribed
	 */
	public boolean isSubscribed() {
		return this.subscribed;
	}

	@Override
	public void connectionLost(Throwable cause) {
		LOGGER.warn("MQTT connection lost ({}); reconnecting", String.valueOf(cause));
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		byte[] payload = message.getPayload();
		int id = message.getId();
		int qos = message.getQos();
		process(() -> handle(topic, payload), id, qos, topic);
	}

	private void process(Supplier<CompletableFuture<Void>> work, int id, int qos, String topic) {
		CompletableFuture<Void> done;
		try {
			done = work.get();
		}
		catch (RuntimeException ex) {
			done = CompletableFuture.failedFuture(ex);
		}
		done.whenComplete((ok, ex) -> {
			if (ex == null) {
				acknowledge(id, qos);
			}
			else if (this.running) {
				LOGGER.warn("Kafka refused a message from {}; retrying in {}: {}", topic, this.properties.retryDelay(),
						ex.toString());
				this.retries.schedule(() -> process(work, id, qos, topic), this.properties.retryDelay().toMillis(),
						TimeUnit.MILLISECONDS);
			}
		});
	}

	private CompletableFuture<Void> handle(String topic, byte[] payload) {
		String deviceId = MqttAccess.deviceOf(topic);
		if (deviceId == null) {
			return this.ingestor.deadLetter(null, null, "not a telemetry topic: " + topic, payload);
		}
		Optional<VerifiedDevice> known = this.registry.find(deviceId).or(() -> this.authenticator.cached(deviceId));
		if (known.isEmpty()) {
			return this.ingestor.deadLetter(deviceId, null, "unknown device '" + deviceId + "'", payload);
		}
		VerifiedDevice device = known.get();
		try {
			this.authenticator.checkAllowed(device);
		}
		catch (IngestException ex) {
			return this.ingestor.deadLetter(deviceId, device.tenantId(), ex.getMessage(), payload);
		}
		return this.ingestor.ingestAsync(device, payload);
	}

	private void acknowledge(int id, int qos) {
		MqttAsyncClient mqtt = this.client;
		if (qos == 0 || mqtt == null) {
			return;
		}
		try {
			mqtt.messageArrivedComplete(id, qos);
		}
		catch (MqttException | RuntimeException ex) {
			// Disconnected: the broker redelivers the message to the session.
			LOGGER.debug("Could not acknowledge message {}: {}", id, ex.toString());
		}
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
		// Ingest publishes nothing.
	}

	@Override
	public void stop() {
		this.running = false;
		this.retries.shutdownNow();
		if (this.connector != null) {
			this.connector.interrupt();
		}
		MqttAsyncClient mqtt = this.client;
		if (mqtt != null) {
			try {
				if (mqtt.isConnected()) {
					mqtt.disconnect(2000).waitForCompletion(3000);
				}
				mqtt.close(true);
			}
			catch (MqttException ex) {
				LOGGER.debug("MQTT disconnect: {}", ex.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	@Override
	public String toString() {
		return "MqttTelemetrySubscriber[" + this.properties.url() + " " + this.properties.topicFilter() + "]";
	}

}
