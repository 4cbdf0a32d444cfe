package io.fleetgrid.ingest.telemetry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Wires the ingest core. The producer takes Boot's {@code spring.kafka.producer.*}
 * settings (acks, idempotence, compression, linger, batch size, timeouts in
 * {@code application.yml}) with string keys and pre-serialized values.
 */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean(destroyMethod = "close")
	Producer<String, byte[]> telemetryProducer(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		config.remove("key.serializer");
		config.remove("value.serializer");
		config.putIfAbsent("client.id", "ingest-telemetry");
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Bean
	TelemetryPublisher telemetryPublisher(Producer<String, byte[]> telemetryProducer) {
		return new TelemetryPublisher(telemetryProducer);
	}

	@Bean
	TelemetryIngestor telemetryIngestor(TelemetryPublisher publisher, TelemetryProperties properties, Clock clock) {
		return new TelemetryIngestor(new TelemetryValidator(clock),
				new DuplicateFilter(properties.dedupMaxEntries(), properties.dedupWindow()),
				new RateLimiter(properties, System::nanoTime), publisher, properties, clock);
	}

}
