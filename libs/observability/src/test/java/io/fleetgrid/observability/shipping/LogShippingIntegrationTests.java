package io.fleetgrid.observability.shipping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.observability.logging.LogFields;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured shipper against the real Kafka broker: a line logged through SLF4J
 * arrives on {@code fleetgrid.logs.v1} as a {@link LogEvent}.
 */
@RealInfra(servers = Server.KAFKA)
class LogShippingIntegrationTests {

	private static final Logger LOGGER = LoggerFactory.getLogger(LogShippingIntegrationTests.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LogShippingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=shipping-probe",
				"fleetgrid.observability.instance-id=host-1:shipping-probe:1",
				"spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers"));

	@Test
	void logLineArrivesOnTheLogsTopicWithItsTraceAndTenant() throws Exception {
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		createLogsTopic(bootstrap);
		String marker = "shipping-probe-" + UUID.randomUUID();
		this.contextRunner.run((context) -> {
			LogShipping shipping = context.getBean(LogShipping.class);
			MDC.put(LogFields.TRACE_ID, "0af7651916cd43dd8448eb211c80319c");
			MDC.put(LogFields.TENANT_ID, "acme");
			try {
				LOGGER.warn("{} brake pressure low", marker);
			}
			finally {
				MDC.clear();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> shipping.appender().shipped() >= 1);
		});

		LogEvent event = consumeUntil(bootstrap, marker);
		assertThat(event.service()).isEqualTo("shipping-probe");
		assertThat(event.instance()).isEqualTo("host-1:shipping-probe:1");
		assertThat(event.level()).isEqualTo("WARN");
		assertThat(event.logger()).isEqualTo(LogShippingIntegrationTests.class.getName());
		assertThat(event.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(event.tenantId()).isEqualTo("acme");
	}

	private static void createLogsTopic(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(Topics.LOGS.name(), Topics.LOGS.partitions(), (short) 1)))
				.all()
				.get();
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
		}
	}

	private static LogEvent consumeUntil(String bootstrap, String marker) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "shipping-probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<LogEvent> found = new ArrayList<>();
		try (KafkaConsumer<String, LogEvent> consumer = new KafkaConsumer<>(config,
				JsonSerdes.keyDeserializer(Topics.LOGS), JsonSerdes.valueDeserializer(Topics.LOGS))) {
			consumer.subscribe(List.of(Topics.LOGS.name()));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, LogEvent> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value().message().startsWith(marker)) {
						assertThat(record.key()).isEqualTo("shipping-probe");
						found.add(record.value());
					}
				}
				return !found.isEmpty();
			});
		}
		return Optional.of(found.get(0)).orElseThrow();
	}

}
