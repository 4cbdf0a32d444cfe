package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.fleetgrid.ingest.device.DeviceAuthenticator;
import io.fleetgrid.ingest.device.DeviceRegistry;
import io.fleetgrid.ingest.device.VerifiedDevice;
import io.fleetgrid.ingest.problem.IngestException;
import io.fleetgrid.ingest.telemetry.TelemetryIngestor;
import io.fleetgrid.mqtt.BufferedSocketFactory;
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
 * Subscribes to {@code devices/+/telemetry} at QoS 1 in persistent sessions
 * ({@code cleanSession=false}, fixed client ids) with manual acknowledgements: a message
 * is PUBACKed only after Kafka acknowledged its events (or its dead letter), so a crash
 * or restart of ingest loses nothing, the broker redelivers what was not acknowledged and
 * queues what arrives meanwhile. A message Kafka refuses is retried until it is written
 * or ingest stops. Bad input (unknown topic or device, invalid payload, deactivated
 * device) is dead-lettered and acknowledged; the subscriber never dies on it.
 * <p>
 * With {@code fleetgrid.mqtt.subscribers} above 1 the instance opens that many sessions
 * (one Paho client each: its own socket, receive, send and callback threads) on a shared
 * subscription, so the broker spreads messages over them and each session's in-flight
 * window waits for Kafka independently of the others. Paho's callback thread never waits
 * for Kafka: {@code messageArrived} only validates and hands the events to the producer,
 * and the producer's completion queues the PUBACK, which one thread ({@code mqtt-ack})
 * sends, many per wake-up under load.
 */
public class MqttTelemetrySubscriber implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

	private final MqttProperties properties;

	private final TelemetryIngestor ingestor;

	private final DeviceRegistry registry;

	private final DeviceAuthenticator authenticator;

	private final ScheduledExecutorService retries = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-retry").daemon().factory());

	// Sends the PUBACKs, so that Kafka's producer thread, which completes the writes,
	// only queues them and never contends for Paho's locks.
	private final ExecutorService acknowledgements = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name("mqtt-ack").daemon().factory());

	private final List<Session> sessions = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	private Thread connector;

	/**
	 * Creates the subscriber.
	 * @param properties broker and sessions
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
			for (int index = 1; index <= this.properties.subscribers() && this.running; index++) {
				Session session = new Session(this.properties.sessionClientId(index));
				this.sessions.add(session);
				session.connect();
			}
		}
		catch (MqttException ex) {
			LOGGER.error("Cannot create the MQTT client for {}", this.properties.url(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether every session's subscription is in place (the broker queues for the
	 * persistent sessions from then on, also while ingest is down).
	 * @return true once all sessions subscribed
	 */
	public boolean isSubscribed() {
		return this.sessions.size() == this.properties.subscribers()
				&& this.sessions.stream().allMatch((session) -> session.subscribed);
	}

	private void process(Supplier<CompletableFuture<Void>> work, Session session, int id, int qos, String topic) {
		CompletableFuture<Void> done;
		try {
			done = work.get();
		}
		catch (RuntimeException ex) {
			done = CompletableFuture.failedFuture(ex);
		}
		done.whenComplete((ok, ex) -> {
			if (ex == null) {
				session.acknowledge(id, qos);
			}
			else if (this.running) {
				LOGGER.warn("Kafka refused a message from {}; retrying in {}: {}", topic, this.properties.retryDelay(),
						ex.toString());
				this.retries.schedule(() -> process(work, session, id, qos, topic),
						this.properties.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
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

	/**
	 * Messages received per session so far (redeliveries included).
	 * @return client id to count, in session order
	 */
	public Map<String, Long> receivedPerSession() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.sessions.forEach((session) -> counts.put(session.clientId, session.received()));
		return counts;
	}

	@Override
	public void stop() {
		this.running = false;
		this.retries.shutdownNow();
		this.acknowledgements.shutdownNow();
		if (this.connector != null) {
			this.connector.interrupt();
		}
		this.sessions.forEach(Session::close);
		this.sessions.clear();
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

	/**
	 * One persistent session: a Paho client with its own connection and threads.
	 */
	private final class Session implements MqttCallbackExtended {

		private final String clientId;

		private final MqttAsyncClient client;

		private volatile boolean subscribed;

		private final Queue<Integer> acks = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean draining = new AtomicBoolean();

		private final LongAdder received = new LongAdder();

		Session(String clientId) throws MqttException {
			this.clientId = clientId;
			this.client = new MqttAsyncClient(MqttTelemetrySubscriber.this.properties.url(), clientId,
					new MemoryPersistence());
			this.client.setManualAcks(true);
			this.client.setCallback(this);
		}

		void connect() throws InterruptedException {
			MqttProperties settings = MqttTelemetrySubscriber.this.properties;
			MqttConnectOptions options = new MqttConnectOptions();
			options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
			options.setCleanSession(false);
			options.setAutomaticReconnect(true);
			options.setMaxReconnectDelay(5000);
			options.setKeepAliveInterval(30);
			options.setUserName(settings.username());
			options.setPassword(settings.password().toCharArray());
			if (settings.url().startsWith("tcp://")) {
				options.setSocketFactory(new BufferedSocketFactory());
			}
			while (MqttTelemetrySubscriber.this.running) {
				try {
					this.client.connect(options).waitForCompletion(10_000);
					return;
				}
				catch (MqttException ex) {
					LOGGER.warn("Cannot connect session {} to the MQTT broker {}: {}; retrying", this.clientId,
							settings.url(), ex.toString());
					Thread.sleep(2000);
				}
			}
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
			String filter = MqttTelemetrySubscriber.this.properties.topicFilter();
			try {
				// Not waiting here: this runs on Paho's callback thread.
				this.client.subscribe(filter, 1, null, new IMqttActionListener() {

					@Override
					public void onSuccess(IMqttToken token) {
						int[] granted = token.getGrantedQos();
						if (granted != null && granted.length > 0 && granted[0] == 0x80) {
							LOGGER.error("The broker refused the subscription of session {} to {}",
									Session.this.clientId, filter);
							return;
						}
						Session.this.subscribed = true;
						LOGGER.info("Subscribed to {} at {} (persistent session {})", filter, serverUri,
								Session.this.clientId);
					}

					@Override
					public void onFailure(IMqttToken token, Throwable ex) {
						LOGGER.error("Cannot subscribe session {} to {}", Session.this.clientId, filter, ex);
					}

				});
			}
			catch (MqttException ex) {
				LOGGER.error("Cannot subscribe session {} to {}", this.clientId, filter, ex);
			}
		}

		@Override
		public void connectionLost(Throwable cause) {
			LOGGER.warn("MQTT connection of session {} lost ({}); reconnecting", this.clientId, String.valueOf(cause));
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			this.received.increment();
			byte[] payload = message.getPayload();
			process(() -> handle(topic, payload), this, message.getId(), message.getQos(), topic);
		}

		/**
		 * Queues the PUBACK of a message Kafka acknowledged.
		 * @param id the message id
		 * @param qos its QoS
		 */
		void acknowledge(int id, int qos) {
			if (qos == 0) {
				return;
			}
			this.acks.add((qos << 16) | id);
			if (this.draining.compareAndSet(false, true)) {
				try {
					MqttTelemetrySubscriber.this.acknowledgements.execute(this::sendAcknowledgements);
				}
				catch (RejectedExecutionException ex) {
					// Stopping: the broker redelivers what was not acknowledged.
				}
			}
		}

		private void sendAcknowledgements() {
			do {
				Integer ack;
				while ((ack = this.acks.poll()) != null) {
					int id = ack & 0xFFFF;
					try {
						this.client.messageArrivedComplete(id, ack >>> 16);
					}
					catch (MqttException | RuntimeException ex) {
						// Disconnected: the broker redelivers the message to the session.
						LOGGER.debug("Could not acknowledge message {} of session {}: {}", id, this.clientId,
								ex.toString());
					}
				}
				this.draining.set(false);
			}
			while (!this.acks.isEmpty() && this.draining.compareAndSet(false, true));
		}

		long received() {
			return this.received.sum();
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
			// Ingest publishes nothing.
		}

		void close() {
			try {
				if (this.client.isConnected()) {
					this.client.disconnect(2000).waitForCompletion(3000);
				}
				this.client.close(true);
			}
			catch (MqttException ex) {
				LOGGER.debug("MQTT disconnect of session {}: {}", this.clientId, ex.toString());
			}
		}

	}

}
