package io.fleetgrid.observability.shipping;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.observability.logging.LogFields;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KafkaLogAppender} in its own Logback context, with a stubbed or unreachable
 * Kafka.
 */
class KafkaLogAppenderTests {

	private final LoggerContext loggerContext = new LoggerContext();

	private KafkaLogAppender appender;

	KafkaLogAppenderTests() {
		// The MDC the tests put values into (SLF4J's, as in an application).
		this.loggerContext.setMDCAdapter(MDC.getMDCAdapter());
	}

	@AfterEach
	void stop() {
		MDC.clear();
		if (this.appender != null) {
			this.appender.stop();
		}
		this.loggerContext.stop();
	}

	@Test
	void shipsEachEventAsALogEventKeyedByServiceWithTheMdcIdsAndTheStackTrace() {
		MockProducer<String, LogEvent> kafka = new MockProducer<>(true, null, JsonSerdes.keySerializer(Topics.LOGS),
				JsonSerdes.valueSerializer(Topics.LOGS));
		Logger logger = logger("io.fleetgrid.device.Registry", 100, () -> kafka);
		MDC.put(LogFields.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
		MDC.put(LogFields.SPAN_ID, "00f067aa0ba902b7");
		MDC.put(LogFields.TENANT_ID, "acme");
		MDC.put(LogFields.DEVICE_ID, "truck-7");
		logger.error("Device {} rejected", "truck-7", new IllegalStateException("boom"));

		await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
		ProducerRecord<String, LogEvent> record = kafka.history().get(0);
		assertThat(record.topic()).isEqualTo("fleetgrid.logs.v1");
		assertThat(record.key()).isEqualTo("device-service");
		LogEvent event = record.value();
		assertThat(event.service()).isEqualTo("device-service");
		assertThat(event.instance()).isEqualTo("host-1:device-service:42");
		assertThat(event.level()).isEqualTo("ERROR");
		assertThat(event.logger()).isEqualTo("io.fleetgrid.device.Registry");
		assertThat(event.thread()).isEqualTo(Thread.currentThread().getName());
		assertThat(event.message()).isEqualTo("Device truck-7 rejected");
		assertThat(event.stackTrace()).startsWith("java.lang.IllegalStateException: boom")
			.contains("KafkaLogAppenderTests");
		assertThat(event.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(event.spanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(event.tenantId()).isEqualTo("acme");
		assertThat(event.deviceId()).isEqualTo("truck-7");
		assertThat(this.appender.shipped()).isEqualTo(1);

		byte[] wire = JsonSerdes.valueSerializer(Topics.LOGS).serialize(Topics.LOGS.name(), event);
		assertThat(new String(wire, StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"")
			.contains("\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"");
		assertThat(JsonSerdes.valueDeserializer(Topics.LOGS).deserialize(Topics.LOGS.name(), wire)).isEqualTo(event);
	}

	@Test
	void leavesOutMdcIdsThatAreNotSet() {
		MockProducer<String, LogEvent> kafka = new MockProducer<>(true, null, JsonSerdes.keySerializer(Topics.LOGS),
				JsonSerdes.valueSerializer(Topics.LOGS));
		Logger logger = logger("io.fleetgrid.Plain", 100, () -> kafka);
		logger.info("started");

		await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
		LogEvent event = kafka.history().get(0).value();
		assertThat(event.level()).isEqualTo("INFO");
		assertThat(event.stackTrace()).isNull();
		assertThat(event.traceId()).isNull();
		assertThat(event.tenantId()).isNull();
	}

	@Test
	void dropsAndCountsEventsThatDoNotFitTheBuffer() throws Exception {
		CountDownLatch producerRequested = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Supplier<Producer<String, LogEvent>> stuck = () -> {
			producerRequested.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("no producer");
		};
		Logger logger = logger("io.fleetgrid.Busy", 10, stuck);
		logger.info("first: taken by the shipping thread, which then waits for its producer");
		assertThat(producerRequested.await(5, TimeUnit.SECONDS)).isTrue();

		for (int i = 0; i < 100; i++) {
			logger.info("event {}", i);
		}

		assertThat(this.appender.buffered()).isEqualTo(10);
		assertThat(this.appender.dropped()).isEqualTo(90);
		release.countDown();
	}

	@Test
	void applicationLogsWithoutDelayWhileKafkaIsUnreachable() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Map<String, Object> config = LogShipping.producerConfig("probe", List.of("127.0.0.1:" + closedPort),
				new LogShippingProperties(true, null, 100, Duration.ofMillis(100), Duration.ofMillis(200), Map.of()));
		Logger logger = logger("io.fleetgrid.Chatty", 100, () -> new KafkaProducer<>(config,
				JsonSerdes.keySerializer(Topics.LOGS), JsonSerdes.valueSerializer(Topics.LOGS)));

		long start = System.nanoTime();
		for (int i = 0; i < 5_000; i++) {
			logger.info("event {}", i);
		}
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertThat(tookMillis).as("5000 log calls with Kafka down").isLessThan(2_000);
		assertThat(this.appender.dropped()).isGreaterThanOrEqualTo(5_000 - 100 - 500);
		this.appender.stop();
		assertThat(this.appender.shipped()).isZero();
		assertThat(this.appender.dropped()).isEqualTo(5_000);
	}

	@Test
	void neverShipsTheKafkaClientsOwnEvents() {
		MockProducer<String, LogEvent> kafka = new MockProducer<>(true, null, JsonSerdes.keySerializer(Topics.LOGS),
				JsonSerdes.valueSerializer(Topics.LOGS));
		logger("io.fleetgrid.First", 100, () -> kafka);
		this.loggerContext.getLogger("org.apache.kafka.clients.NetworkClient").warn("Connection refused");
		this.loggerContext.getLogger("io.fleetgrid.Second").warn("shipped");

		await().atMost(Duration.ofSeconds(5)).until(() -> kafka.history().size() == 1);
		assertThat(kafka.history()).extracting((record) -> record.value().message()).containsExactly("shipped");
	}

	private Logger logger(String name, int bufferSize, Supplier<Producer<String, LogEvent>> producer) {
		this.appender = new KafkaLogAppender("device-service", "host-1:device-service:42", bufferSize,
				Duration.ofSeconds(1), producer);
		this.appender.setContext(this.loggerContext);
		this.appender.start();
		Logger root = this.loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(this.appender);
		return this.loggerContext.getLogger(name);
	}

}
