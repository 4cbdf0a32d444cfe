package io.fleetgrid.device.outbox;

import java.util.Map;
import java.util.Optional;

import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay, its producer and the compacted topics it writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

	@Bean(destroyMethod = "close")
	Producer<String, byte[]> outboxProducer(KafkaProperties kafka) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "device-service-outbox");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, byte[]> outboxProducer,
			OutboxProperties properties) {
		return new OutboxRelay(jdbc, transactions, outboxProducer, properties);
	}

	@Bean
	KafkaAdmin.NewTopics deviceServiceTopics() {
		return new KafkaAdmin.NewTopics(topic(Topics.DEVICES), topic(Topics.GEOFENCES), topic(Topics.RULES),
				topic(Topics.ALERTS));
	}

	private static NewTopic topic(TopicSpec<?, ?> spec) {
		return new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(spec.topicConfigs());
	}

}
