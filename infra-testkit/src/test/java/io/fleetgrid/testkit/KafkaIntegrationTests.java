package io.fleetgrid.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka server of the local stack is a real broker: it has the catalogue's topics,
 * supports transactions, and keeps its data across restarts and crashes.
 */
@RealInfra(servers = Server.KAFKA)
class KafkaIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void everyCatalogueTopicExistsWithItsPartitionsAndCleanupPolicy() throws Exception {
		List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(names)
				.allTopicNames()
				.get(60, TimeUnit.SECONDS);
			List<ConfigResource> resources = names.stream()
				.map((name) -> new ConfigResource(ConfigResource.Type.TOPIC, name))
				.toList();
			Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);

			for (TopicSpec<?, ?> spec : Topics.all()) {
				assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
				Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
				spec.topicConfigs()
					.forEach((key, value) -> assertThat(config.get(key).value()).as(spec.name() + " " + key)
						.isEqualTo(value));
			}
			assertThat(topics.get(Topics.DEVICES.name()).partitions()).hasSize(12);
			assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEVICES.name()))
				.get("cleanup.policy")
				.value()).isEqualTo("compact");
		}
	}

	@Test
	void readCommittedConsumersSeeCommittedTransactionsAndNeverAbortedOnes() throws Exception {
		String topic = createTopic("it.transactions");
		try (KafkaProducer<String, String> producer = transactionalProducer()) {
			producer.initTransactions();
			sendInTransaction(producer, topic, List.of("committed-1", "committed-2"));
			producer.commitTransaction();
			sendInTransaction(producer, topic, List.of("aborted-1", "aborted-2"));
			producer.abortTransaction();
			sendInTransaction(producer, topic, List.of("committed-3"));
			producer.commitTransaction();
		}

		List<String> readCommitted = readAll(topic, "read_committed", 3);
		List<String> readUncommitted = readAll(topic, "read_uncommitted", 5);

		assertThat(readCommitted).containsExactly("committed-1", "committed-2", "committed-3");
		assertThat(readUncommitted).as("the aborted records were written, only hidden")
			.containsExactly("committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
	}

	@Test
	void recordsSurviveARestartOfTheBroker() throws Exception {
		String topic = createTopic("it.restart");
		produce(topic, "before-restart");

		Infra.kafka().restart();
		produce(topic, "after-restart");

		assertThat(readAll(topic, "read_committed", 2)).containsExactly("before-restart", "after-restart");
	}

	@Test
	void acknowledgedRecordsSurviveACrashOfTheBroker() throws Exception {
		String topic = createTopic("it.crash");
		produce(topic, "before-crash");
		long crashedPid = Infra.kafka().pid();

		Infra.kafka().kill();
		assertThat(ProcessHandle.of(crashedPid).filter(ProcessHandle::isAlive)).isEmpty();
		Infra.kafka().restart();

		assertThat(Infra.kafka().pid()).isNotEqualTo(crashedPid);
		assertThat(readAll(topic, "read_committed", 1)).containsExactly("before-crash");
	}

	private static String bootstrapServers() {
		String bootstrapServers = System.getProperty("spring.kafka.bootstrap-servers");
		assertThat(bootstrapServers).isEqualTo(Infra.kafka().property("bootstrapServers"));
		return bootstrapServers;
	}

	private static String createTopic(String prefix) throws Exception {
		String topic = prefix + "." + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		return topic;
	}

	private static void produce(String topic, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key", value)).get(60, TimeUnit.SECONDS);
		}
	}

	private static KafkaProducer<String, String> transactionalProducer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID()),
				new StringSerializer(), new StringSerializer());
	}

	private static void sendInTransaction(KafkaProducer<String, String> producer, String topic, List<String> values)
			throws Exception {
		producer.beginTransaction();
		for (String value : values) {
			producer.send(new ProducerRecord<>(topic, "device-1", value)).get(60, TimeUnit.SECONDS);
		}
	}

	/**
	 * Reads a one-partition topic from the start until its end offset, with the given
	 * isolation level. The end offset includes transaction markers, so reading up to it
	 * proves that nothing more is visible.
	 */
	private static List<String> readAll(String topic, String isolationLevel, int expectedAtLeast) {
		TopicPartition partition = new TopicPartition(topic, 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel),
				new StringDeserializer(), new StringDeserializer())) {
			Collection<TopicPartition> partitions = Set.of(partition);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long end = consumer.endOffsets(partitions, TIMEOUT).get(partition);
			List<String> values = new ArrayList<>();
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (consumer.position(partition, TIMEOUT) < end && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> consumerRecord : consumer.poll(Duration.ofMillis(500))) {
					values.add(consumerRecord.value());
				}
			}
			assertThat(values).as("records read from " + topic).hasSizeGreaterThanOrEqualTo(expectedAtLeast);
			return values;
		}
	}

}
