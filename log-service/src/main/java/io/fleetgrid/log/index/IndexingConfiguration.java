package io.fleetgrid.log.index;

import java.time.Clock;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * Wires the indexer: a batch listener container with manual acknowledgement, the
 * dead-letter producer, the index templates, the topics it reads and writes, and
 * retention.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(IndexProperties.class)
public class IndexingConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> indexingContainerFactory(KafkaProperties kafka,
			IndexProperties properties) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSize());
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()));
		factory.setBatchListener(true);
		factory.setConcurrency(properties.concurrency());
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		return factory;
	}

	@Bean
	DeadLetters deadLetters(KafkaProperties kafka, Clock clock) {
		DefaultKafkaProducerFactory<String, DeadLetter> producers = new DefaultKafkaProducerFactory<>(
				kafka.buildProducerProperties(), JsonSerdes.keySerializer(DeadLetters.TOPIC),
				JsonSerdes.valueSerializer(DeadLetters.TOPIC));
		return new DeadLetters(new KafkaTemplate<>(producers), clock);
	}

	@Bean
	IndexTemplates indexTemplates(ElasticsearchClient client, IndexProperties properties) {
		return new IndexTemplates(client, properties);
	}

	@Bean
	SearchIndexer searchIndexer(ElasticsearchClient client, IndexTemplates templates, DeadLetters deadLetters,
			IndexProperties properties) {
		return new SearchIndexer(client, templates, deadLetters, properties);
	}

	@Bean
	Retention retention(ElasticsearchClient client, IndexProperties properties, Clock clock) {
		return new Retention(client, properties.retention(), clock);
	}

	/**
	 * The topics the indexer reads and writes, created when missing (the broker does not
	 * create topics on first use).
	 * @return the topics
	 */
	@Bean
	KafkaAdmin.NewTopics indexingTopics() {
		return new KafkaAdmin.NewTopics(newTopic(Topics.LOGS), newTopic(Topics.AUDIT), newTopic(Topics.ALERTS),
				newTopic(DeadLetters.TOPIC));
	}

	private static NewTopic newTopic(TopicSpec<?, ?> spec) {
		NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) -1);
		if (spec.retention() != null) {
			topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retention().toMillis())));
		}
		return topic;
	}

}
