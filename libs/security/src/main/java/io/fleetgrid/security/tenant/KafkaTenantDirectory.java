package io.fleetgrid.security.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;

import org.springframework.context.SmartLifecycle;

/**
 * Follows the compacted {@code fleetgrid.tenants.v1} topic in a background thread and
 * keeps the latest snapshot per tenant in memory (a few bytes per tenant). It reads every
 * partition from the beginning without a consumer group, so each instance of each service
 * sees every tenant, and a suspension reaches it within one poll (about a second).
 * Unreadable records are skipped with a warning; an unreachable broker only delays
 * updates.
 */
public final class KafkaTenantDirectory implements TenantDirectory, SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(KafkaTenantDirectory.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private final Map<String, Object> consumerConfig;

	private final Map<String, TenantSnapshot> tenants = new ConcurrentHashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile boolean running;

	private volatile KafkaConsumer<String, TenantSnapshot> consumer;

	private Thread thread;

	/**
	 * Creates the directory.
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param clientId client id for the broker's logs and quotas
	 */
	public KafkaTenantDirectory(String bootstrapServers, String clientId) {
		this.consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed");
	}

	@Override
	public Optional<TenantSnapshot> find(String tenantId) {
		return Optional.ofNullable(this.tenants.get(tenantId));
	}

	/**
	 * Waits until the directory has read the topic up to its end once.
	 * @param timeout how long to wait
	 * @return true if caught up
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
		return this.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("tenant-directory").start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, TenantSnapshot> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(5_000);
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
			try (KafkaConsumer<String, TenantSnapshot> kafka = new KafkaConsumer<>(this.consumerConfig,
					JsonSerdes.keyDeserializer(Topics.TENANTS), JsonSerdes.valueDeserializer(Topics.TENANTS))) {
				this.consumer = kafka;
				follow(kafka);
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				LOGGER.warn("Following {} failed, retrying: {}", Topics.TENANTS.name(), ex.toString());
				sleepQuietly(Duration.ofSeconds(2));
			}
		}
	}

	private void follow(KafkaConsumer<String, TenantSnapshot> kafka) {
		List<TopicPartition> partitions = List.of();
		while (this.running && partitions.isEmpty()) {
			List<PartitionInfo> infos = kafka.partitionsFor(Topics.TENANTS.name(), Duration.ofSeconds(5));
			partitions = (infos != null)
					? infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList()
					: List.of();
			if (partitions.isEmpty()) {
				sleepQuietly(Duration.ofSeconds(2));
			}
		}
		kafka.assign(partitions);
		kafka.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
		while (this.running) {
			try {
				for (ConsumerRecord<String, TenantSnapshot> record : kafka.poll(POLL)) {
					apply(record);
				}
			}
			catch (RecordDeserializationException ex) {
				LOGGER.warn("Skipping unreadable tenant record at {} offset {}: {}", ex.topicPartition(), ex.offset(),
						ex.getMessage());
				kafka.seek(ex.topicPartition(), ex.offset() + 1);
			}
			if (this.caughtUp.getCount() > 0 && end.entrySet()
				.stream()
				.allMatch((entry) -> kafka.position(entry.getKey()) >= entry.getValue())) {
				this.caughtUp.countDown();
			}
		}
	}

	private void apply(ConsumerRecord<String, TenantSnapshot> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.tenants.remove(record.key());
		}
		else {
			this.tenants.put(record.key(), record.value());
		}
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
