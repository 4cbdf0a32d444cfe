package io.fleetgrid.ingest.device;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Follows the compacted {@code fleetgrid.devices.v1} from the beginning, without a
 * consumer group: keeps tenant, type and active flag of every device (to enrich MQTT
 * messages, whose sender the broker authenticated) and drops the cached credential of a
 * device on every snapshot or tombstone, so that deactivation, rotation and deletion take
 * effect within about a second. A record that cannot be read is logged and skipped (its
 * key still invalidates the cache); it never stops the follower.
 */
public class DeviceRegistry implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(DeviceRegistry.class);

	private final String bootstrapServers;

	private final DeviceAuthenticator authenticator;

	private final Map<String, VerifiedDevice> devices = new ConcurrentHashMap<>();

	private final Deserializer<DeviceSnapshot> deserializer = JsonSerdes.valueDeserializer(Topics.DEVICES);

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile boolean running;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private Thread thread;

	/**
	 * Creates the registry.
	 * @param bootstrapServers Kafka
	 * @param authenticator whose cache to invalidate
	 */
	public DeviceRegistry(String bootstrapServers, DeviceAuthenticator authenticator) {
		this.bootstrapServers = bootstrapServers;
		this.authenticator = authenticator;
	}

	/**
	 * The latest snapshot of a device, as a {@link VerifiedDevice}.
	 * @param deviceId the device
	 * @return the device, if registered
	 */
	public Optional<VerifiedDevice> find(String deviceId) {
		return Optional.ofNullable(this.devices.get(deviceId));
	}

	/**
	 * Waits until the registry has read the topic up to its end at start-up.
	 * @param timeout longest wait
	 * @return whether it caught up in time
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
		return this.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Applies one record of the topic.
	 * @param deviceId the key
	 * @param value the value, null for a tombstone
	 */
	void apply(String deviceId, byte[] value) {
		if (deviceId == null) {
			return;
		}
		this.authenticator.invalidate(deviceId);
		if (value == null) {
			this.devices.remove(deviceId);
			return;
		}
		try {
			DeviceSnapshot snapshot = this.deserializer.deserialize(Topics.DEVICES.name(), value);
			this.devices.put(deviceId,
					new VerifiedDevice(deviceId, snapshot.tenantId(), snapshot.type(), snapshot.active()));
		}
		catch (RuntimeException ex) {
			this.devices.remove(deviceId);
			LOGGER.warn("Skipped an unreadable device snapshot for {}: {}", deviceId, ex.toString());
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("device-registry").daemon().start(this::run);
	}

	private void run() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-device-registry");
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
					new ByteArrayDeserializer())) {
				this.consumer = kafka;
				follow(kafka);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				LOGGER.warn("Device registry follower failed, restarting: {}", ex.toString());
				sleep();
			}
		}
	}

	private void follow(KafkaConsumer<String, byte[]> kafka) {
		List<TopicPartition> partitions = partitions(kafka);
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
				apply(record.key(), record.value());
			}
			if (this.caughtUp.getCount() > 0) {
				end.entrySet().removeIf((entry) -> kafka.position(entry.getKey()) >= entry.getValue());
				if (end.isEmpty()) {
					LOGGER.info("Device registry caught up: {} devices", this.devices.size());
					this.caughtUp.countDown();
				}
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
		while (this.running) {
			var infos = kafka.partitionsFor(Topics.DEVICES.name(), Duration.ofSeconds(10));
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
			}
			sleep();
		}
		throw new WakeupException();
	}

	private void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> kafka = this.consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Before the MQTT subscriber (which needs the registry) starts, after it stops.
		return Integer.MAX_VALUE - 2000;
	}

}
