package io.fleetgrid.device.history;

import java.util.Map;
import java.util.Optional;

import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failure handling of the history consumers: a record that cannot be read or stored is
 * retried three times (half a second apart) unless it can never succeed (it does not
 * parse or violates the contract), then published unchanged to
 * {@code <topic>.device-service.dlt} (same partition) and skipped, so one bad record
 * never blocks a partition.
 */
@Configuration(proxyBeanMethods = false)
class HistoryKafkaConfiguration {

	/** Suffix of this service's dead-letter topics. */
	static final String DLT_SUFFIX = ".device-service.dlt";

	@Bean
	DefaultErrorHandler historyErrorHandler(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(record.topic() + DLT_SUFFIX, record.partition()));
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
		handler.addNotRetryableExceptions(SerializationException.class, IllegalArgumentException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics historyDeadLetterTopics() {
		return new KafkaAdmin.NewTopics(dlt(Topics.ALERTS), dlt(Topics.TRIPS), dlt(Topics.ROLLUPS));
	}

	private static NewTopic dlt(TopicSpec<?, ?> spec) {
		return new NewTopic(spec.name() + DLT_SUFFIX, Optional.of(spec.partitions()), Optional.empty())
			.configs(Map.of("retention.ms", Long.toString(java.time.Duration.ofDays(14).toMillis())));
	}

}
