package io.fleetgrid.notification.support;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;

/**
 * Builds alert events and publishes them on the real broker, as stream-processor would.
 */
public final class Alerts {

	private Alerts() {
	}

	/**
	 * A RAISED alert.
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param type type
	 * @param severity severity
	 * @param at event time
	 * @return the event
	 */
	public static AlertEvent raised(String tenantId, String deviceId, AlertType type, Severity severity, Instant at) {
		return new AlertEvent("al-" + UUID.randomUUID(), tenantId, deviceId, null, type, severity, Status.RAISED, null,
				at, null, at, 1, "Speed 112 km/h above the limit of 90 km/h", Map.of("speedKph", 112.0), null);
	}

	/**
	 * Publishes alert events (acks=all) and waits until the broker took them.
	 * @param alerts the events
	 */
	public static void publish(AlertEvent... alerts) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(props,
				JsonSerdes.keySerializer(Topics.ALERTS), JsonSerdes.valueSerializer(Topics.ALERTS))) {
			for (AlertEvent alert : alerts) {
				producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.deviceId(), alert));
			}
			producer.flush();
		}
	}

	/**
	 * Publishes a device snapshot on the compacted devices topic, as device-service
	 * would.
	 * @param device the snapshot
	 */
	public static void publishDevice(io.fleetgrid.contracts.event.DeviceSnapshot device) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, io.fleetgrid.contracts.event.DeviceSnapshot> producer = new KafkaProducer<>(props,
				JsonSerdes.keySerializer(Topics.DEVICES), JsonSerdes.valueSerializer(Topics.DEVICES))) {
			producer.send(new ProducerRecord<>(Topics.DEVICES.name(), device.deviceId(), device));
			producer.flush();
		}
	}

	/**
	 * Reads every record of a topic from the beginning (values as UTF-8 text).
	 * @param topic the topic
	 * @return the values
	 */
	public static java.util.List<String> readAll(String topic) {
		Properties props = new Properties();
		props.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.kafka.bootstrap-servers"));
		java.util.List<String> values = new java.util.ArrayList<>();
		try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
				props, new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer())) {
			java.util.List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new org.apache.kafka.common.TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			for (int i = 0; i < 5; i++) {
				consumer.poll(java.time.Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
			}
		}
		return values;
	}

	/**
	 * Publishes raw bytes as an alert record (a poison record).
	 * @param key key
	 * @param value bytes
	 */
	public static void publishRaw(String key, byte[] value) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props,
				new org.apache.kafka.common.serialization.StringSerializer(),
				new org.apache.kafka.common.serialization.ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.ALERTS.name(), key, value));
			producer.flush();
		}
	}

}
