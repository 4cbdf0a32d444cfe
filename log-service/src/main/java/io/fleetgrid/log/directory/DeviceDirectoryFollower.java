package io.fleetgrid.log.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Reads the compacted {@code fleetgrid.devices.v1} from the beginning into
 * {@link DeviceAssignments} and keeps following it, on one thread of its own. Every
 * instance needs every device, so the consumer is assigned all partitions itself: no
 * consumer group, no committed offsets (the whole topic is read again at each start,
 * which compaction keeps small). A record that is not a device snapshot is skipped with a
 * warning.
 */
public final class DeviceDirectoryFollower implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(DeviceDirectoryFollower.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration RETRY = Duration.ofSeconds(2);

	private final Map<String, Object> consumerConfig;

	private final DeviceAssignments assignments;

	private final Deserializer<DeviceSnapshot> values = JsonSerdes.valueDeserializer(Topics.DEVICES);

	private volatile boolean running;

	private @Nullable Thread thread;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	/**
	 * A follower.
	 * @param consumerConfig Kafka consumer properties (bootstrap servers, security); a
	 * group id in it is ignored
	 * @param assignments where the devices go
	 */
	public DeviceDirectoryFollower(Map<String, Object> consumerConfig, DeviceAssignments assignments) {
		Map<String, Object> config = new HashMap<>(consumerConfig);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "log-service-device-directory");
		this.consumerConfig = Map.copyOf(config);
		this.assignments = assignments;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("device-directory").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			follower.interrupt();
			try {
				follower.join(Duration.ofSeconds(10));
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

	private void run() {
		while (this.running) {
			try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.consumerConfig,
					new StringDeserializer(), new ByteArrayDeserializer())) {
				this.consumer = kafka;
				follow(kafka);
			}
			catch (WakeupException ex) {
				// stop() was called
			}
			catch (KafkaException | IllegalStateException ex) {
				LOGGER.warn("Following {} failed ({}); starting over in {}", Topics.DEVICES.name(), ex.getMessage(),
						RETRY);
				pause();
			}
			finally {
				this.consumer = null;
			}
		}
	}

	private void follow(KafkaConsumer<String, byte[]> kafka) {
		List<TopicPartition> partitions = partitions(kafka);
		if (partitions.isEmpty()) {
			return;
		}
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
				apply(record);
			}
			if (!this.assignments.loaded() && end.entrySet()
				.stream()
				.allMatch((partition) -> kafka.position(partition.getKey()) >= partition.getValue())) {
				this.assignments.markLoaded();
				LOGGER.info("Device assignments loaded from {}", Topics.DEVICES.name());
			}
		}
	}

	private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
		List<PartitionInfo> infos = kafka.partitionsFor(Topics.DEVICES.name());
		if (infos == null || infos.isEmpty()) {
			LOGGER.warn("Topic {} has no partitions yet; retrying in {}", Topics.DEVICES.name(), RETRY);
			pause();
			return List.of();
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		if (record.key() == null) {
			return;
		}
		DeviceSnapshot device;
		try {
			device = (record.value() != null) ? this.values.deserialize(record.topic(), record.value()) : null;
		}
		catch (RuntimeException ex) {
			LOGGER.warn("Skipping {}-{}@{}: not a device snapshot ({})", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return;
		}
		this.assignments.apply(record.key(), device);
	}

	private void pause() {
		try {
			Thread.sleep(RETRY);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
