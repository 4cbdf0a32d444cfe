package io.fleetgrid.stream.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.topology.FleetGridTopology;
import io.fleetgrid.stream.topology.StateViewListener;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Kafka Streams through spring-kafka: the streams configuration from
 * {@link StreamSettings} (exactly-once v2, commit interval, state directory) and the
 * topology built on the factory bean's {@code StreamsBuilder}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(StreamSettings.class)
public class StreamsConfiguration {

	/**
	 * The Kafka Streams properties.
	 * @param kafka Boot's Kafka properties (bootstrap servers)
	 * @param settings stream settings
	 * @return the configuration spring-kafka's factory bean uses
	 */
	@Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
	KafkaStreamsConfiguration kafkaStreamsConfiguration(KafkaProperties kafka, StreamSettings settings) {
		return new KafkaStreamsConfiguration(properties(String.join(",", kafka.getBootstrapServers()), settings));
	}

	/**
	 * The Kafka Streams properties of FleetGrid (also used by the tests).
	 * @param bootstrapServers broker list
	 * @param settings stream settings
	 * @return the properties
	 */
	public static Map<String, Object> properties(String bootstrapServers, StreamSettings settings) {
		Map<String, Object> props = new HashMap<>();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
		props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
		props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
		props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
		props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.recordCache().toBytes());
		// Registry topics: a record that does not bind is logged and skipped (telemetry
		// is read as bytes and dead-lettered by the TelemetryProcessor itself).
		props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
		// The processors catch their own failures and dead-letter the record; anything
		// else is a bug that must stop the thread rather than lose state silently.
		props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndFailProcessingExceptionHandler.class);
		props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
		// Kafka Streams' producers linger 100 ms by default; at-least-once output is not
		// held back until the commit, so that would be added to every alert's latency.
		props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
		// Changelogs (a device memory per event with many devices) and outputs are
		// compressed: half the broker's CPU per event and a third more events/s with
		// 10,000 devices.
		props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), settings.producerCompression());
		// The global thread keeps the state view (REST reads, the live state stream): it
		// fetched a few states at a time, hundreds of times a second, which cost the
		// streams JVM and the broker more than the records. Up to 100 ms later is fine
		// for a view.
		props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 64 * 1024);
		props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 100);
		// All RocksDB stores share one bounded block cache and memtable budget.
		props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class);
		props.put(RocksDbMemory.MEMORY_CONFIG, settings.rocksdbMemory().toBytes());
		return props;
	}

	@Bean
	Registry registry(StreamSettings settings) {
		return new Registry(settings.detectors().geofenceCellDegrees());
	}

	@Bean
	FleetGridTopology fleetGridTopology(StreamsBuilderFactoryBean factory, StreamSettings settings, Registry registry,
			MeterRegistry meterRegistry, List<StateViewListener> stateListeners) throws Exception {
		StateViewListener stateListener = new StateViewListener() {

			@Override
			public boolean wants(String deviceId) {
				for (StateViewListener listener : stateListeners) {
					if (listener.wants(deviceId)) {
						return true;
					}
				}
				return false;
			}

			@Override
			public void onState(DeviceState state) {
				stateListeners.forEach((listener) -> {
					if (listener.wants(state.deviceId())) {
						listener.onState(state);
					}
				});
			}

		};
		FleetGridTopology topology = new FleetGridTopology(settings, registry, meterRegistry, stateListener);
		topology.build(factory.getObject());
		return topology;
	}

}
