package io.fleetgrid.notification.delivery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.NotificationOutcome;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring (the consumer groups are the listener ids, {@code notification-alerts} and
 * {@code notification-devices}): the alert consumer (manual acknowledgement, poison
 * records to {@value #ALERTS_DLT} after two retries), the devices consumer (whole
 * compacted topic, own group), and the producer of delivery outcomes.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/**
	 * This service's dead-letter topic for alert records it cannot read or process (raw
	 * bytes and Spring Kafka's {@code kafka_dlt-*} exception headers).
	 */
	static final String ALERTS_DLT = "fleetgrid.alerts.notification-dlt.v1";

	@Bean
	NewTopic alertsDeadLetterTopic() {
		return TopicBuilder.name(ALERTS_DLT)
			.partitions(3)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(14).toMillis()))
			.build();
	}

	@Bean
	DefaultKafkaProducerFactory<String, NotificationOutcome> notificationOutcomeProducerFactory(
			KafkaProperties properties) {
		return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(),
				JsonSerdes.keySerializer(Topics.NOTIFICATIONS), JsonSerdes.valueSerializer(Topics.NOTIFICATIONS));
	}

	@Bean
	KafkaTemplate<String, NotificationOutcome> notificationOutcomeTemplate(
			DefaultKafkaProducerFactory<String, NotificationOutcome> notificationOutcomeProducerFactory) {
		return new KafkaTemplate<>(notificationOutcomeProducerFactory);
	}

	@Bean
	DefaultKafkaProducerFactory<String, byte[]> deadLetterBytesProducerFactory(KafkaProperties properties) {
		return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new StringSerializer(),
				new ByteArraySerializer());
	}

	@Bean
	DefaultKafkaProducerFactory<String, AlertEvent> deadLetterAlertProducerFactory(KafkaProperties properties) {
		return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new StringSerializer(),
				JsonSerdes.valueSerializer(Topics.ALERTS));
	}

	@Bean
	DefaultErrorHandler alertErrorHandler(DefaultKafkaProducerFactory<String, byte[]> deadLetterBytesProducerFactory,
			DefaultKafkaProducerFactory<String, AlertEvent> deadLetterAlertProducerFactory) {
		Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
		templates.put(byte[].class, new KafkaTemplate<>(deadLetterBytesProducerFactory));
		templates.put(AlertEvent.class, new KafkaTemplate<>(deadLetterAlertProducerFactory));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
				(record, ex) -> new TopicPartition(ALERTS_DLT, -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
		handler.setCommitRecovered(true);
		return handler;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, AlertEvent> alertListenerContainerFactory(
			KafkaProperties properties, DefaultErrorHandler alertErrorHandler) {
		Map<String, Object> config = properties.buildConsumerProperties();
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, AlertEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, JsonSerdes.keyDeserializer(Topics.ALERTS),
				new ErrorHandlingDeserializer<>(JsonSerdes.valueDeserializer(Topics.ALERTS))));
		factory.getContainerProperties().setAckMode(AckMode.MANUAL_IMMEDIATE);
		factory.setCommonErrorHandler(alertErrorHandler);
		return factory;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DeviceSnapshot> deviceListenerContainerFactory(
			KafkaProperties properties) {
		Map<String, Object> config = properties.buildConsumerProperties();
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		ConcurrentKafkaListenerContainerFactory<String, DeviceSnapshot> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, JsonSerdes.keyDeserializer(Topics.DEVICES),
				new ErrorHandlingDeserializer<>(JsonSerdes.valueDeserializer(Topics.DEVICES))));
		// An unreadable snapshot is logged and skipped: the next snapshot of the device
		// replaces it.
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500, 2)));
		return factory;
	}

}
