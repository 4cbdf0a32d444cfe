package io.fleetgrid.ingest.bench;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints the sum of a topic's end offsets (how many records it ever received), once, or
 * every {@code intervalMillis} as {@code epochMillis count} lines until it is killed. The
 * benchmark counts what really reached Kafka with it: for MQTT the device's PUBACK comes
 * from the broker, so ingest's rate is the growth of the topic.
 * <p>
 * {@code TopicEndOffsets <bootstrap> <topic> [intervalMillis]}
 */
public final class TopicEndOffsets {

	private TopicEndOffsets() {
	}

	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	public static void main(String[] args) throws Exception {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(args[1])
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			long interval = (args.length > 2) ? Long.parseLong(args[2]) : 0;
			do {
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				long sum = ends.values().stream().mapToLong(Long::longValue).sum();
				System.out.println(System.currentTimeMillis() + " " + sum);
				System.out.flush();
				if (interval > 0) {
					Thread.sleep(interval);
				}
			}
			while (interval > 0);
		}
	}

}
