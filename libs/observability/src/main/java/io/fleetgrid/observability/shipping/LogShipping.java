package io.fleetgrid.observability.shipping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Attaches a {@link KafkaLogAppender} to Logback's root logger while the application
 * context lives, and reports its counters as metrics:
 * {@code fleetgrid.logs.shipping.dropped}, {@code fleetgrid.logs.shipping.shipped}
 * (counters) and {@code fleetgrid.logs.shipping.buffered} (gauge).
 */
public final class LogShipping implements MeterBinder, AutoCloseable {

	/** Metric: events dropped (buffer full or Kafka unavailable). */
	public static final String DROPPED_METRIC = "fleetgrid.logs.shipping.dropped";

	/** Metric: events acknowledged by Kafka. */
	public static final String SHIPPED_METRIC = "fleetgrid.logs.shipping.shipped";

	/** Metric: events waiting in the buffer. */
	public static final String BUFFERED_METRIC = "fleetgrid.logs.shipping.buffered";

	private final KafkaLogAppender appender;

	/**
	 * Log shipping for a service.
	 * @param service the service name
	 * @param instance the instance id
	 * @param bootstrapServers the Kafka brokers
	 * @param properties the shipping settings
	 */
	public LogShipping(String service, String instance, List<String> bootstrapServers,
			LogShippingProperties properties) {
		Map<String, Object> config = producerConfig(service, bootstrapServers, properties);
		this.appender = new KafkaLogAppender(service, instance, properties.bufferSize(), properties.closeTimeout(),
				() -> createProducer(config));
	}

	static Map<String, Object> producerConfig(String service, List<String> bootstrapServers,
			LogShippingProperties properties) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "fleetgrid-log-shipper-" + service);
		// Logs are best effort: one acknowledgement is enough, and a few retries within
		// the
		// delivery timeout; batches of up to 100 ms amortise the requests.
		config.put(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 100);
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
		config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.maxBlock().toMillis());
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
		config.putAll(properties.producer());
		return config;
	}

	private static Producer<String, LogEvent> createProducer(Map<String, Object> config) {
		return new KafkaProducer<>(config, JsonSerdes.keySerializer(Topics.LOGS),
				JsonSerdes.valueSerializer(Topics.LOGS));
	}

	/**
	 * Starts the appender and attaches it to the root logger.
	 */
	public void start() {
		Logger root = rootLogger();
		this.appender.setContext(root.getLoggerContext());
		this.appender.start();
		root.addAppender(this.appender);
	}

	/**
	 * Detaches the appender and stops it, sending what is buffered within the close
	 * timeout.
	 */
	@Override
	public void close() {
		rootLogger().detachAppender(this.appender);
		this.appender.stop();
	}

	/**
	 * The appender.
	 * @return the appender
	 */
	public KafkaLogAppender appender() {
		return this.appender;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(DROPPED_METRIC, this.appender, KafkaLogAppender::dropped)
			.description("Log events not shipped to Kafka: buffer full or Kafka unavailable")
			.register(registry);
		FunctionCounter.builder(SHIPPED_METRIC, this.appender, KafkaLogAppender::shipped)
			.description("Log events acknowledged by Kafka")
			.register(registry);
		Gauge.builder(BUFFERED_METRIC, this.appender, KafkaLogAppender::buffered)
			.description("Log events waiting to be shipped")
			.register(registry);
	}

	private static Logger rootLogger() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!(factory instanceof LoggerContext context)) {
			throw new IllegalStateException("Log shipping needs Logback, found " + factory.getClass().getName());
		}
		return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
