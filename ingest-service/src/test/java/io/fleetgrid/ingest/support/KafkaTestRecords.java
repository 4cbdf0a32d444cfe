package io.fleetgrid.ingest.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reading and writing topics of the real broker ({@code spring.kafka.bootstrap-servers}
 * as published by {@code @RealInfra}) from tests.
 */
public final class KafkaTestRecords {

	private KafkaTestRecords() {
	}

	/**
	 * Reads a topic up to its current end and returns the values of one key.
	 * @param <V> value type
	 * @param topic the topic
	 * @param key the key
	 * @return the values, in partition order
	 */
	public static <V> List<ConsumerRecord<String, V>> readToEnd(TopicSpec<String, V> topic, String key) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<ConsumerRecord<String, V>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
			var deserializer = JsonSerdes.valueDeserializer(topic);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!end.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						V value = deserializer.deserialize(record.topic(), record.headers(), record.value());
						found.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
								record.key(), value));
					}
				}
				end.entrySet().removeIf((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
			}
		}
		return found;
	}

	/**
	 * Writes a record as another service would.
	 * @param <V> value type
	 * @param topic the topic
	 * @param key the key
	 * @param value the value, null for a tombstone
	 */
	public static <V> void produce(TopicSpec<String, V> topic, String key, V value) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		try (KafkaProducer<String, V> producer = new KafkaProducer<>(config, JsonSerdes.keySerializer(topic),
				JsonSerdes.valueSerializer(topic))) {
			producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
