package io.fleetgrid.observability.shipping;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link LogShippingAutoConfiguration} ships logs, and the metrics it reports.
 */
class LogShippingAutoConfigurationTests {

	// Nothing listens there: the producer is created lazily and its sends are dropped.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LogShippingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=probe", "fleetgrid.observability.shipping.max-block=50ms");

	@Test
	void shipsWhenKafkaIsConfigured() {
		this.contextRunner.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
			.run((context) -> assertThat(context).hasSingleBean(LogShipping.class));
	}

	@Test
	void doesNotShipWithoutKafka() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LogShipping.class));
	}

	@Test
	void doesNotShipInTheTestProfileUnlessEnabled() {
		this.contextRunner.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
			.withInitializer((context) -> context.getEnvironment().addActiveProfile("test"))
			.run((context) -> assertThat(context).doesNotHaveBean(LogShipping.class));
		this.contextRunner
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1",
					"fleetgrid.observability.shipping.enabled=true")
			.withInitializer((context) -> context.getEnvironment().addActiveProfile("test"))
			.run((context) -> assertThat(context).hasSingleBean(LogShipping.class));
	}

	@Test
	void doesNotShipWhenDisabled() {
		this.contextRunner
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1",
					"fleetgrid.observability.shipping.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogShipping.class));
	}

	@Test
	void reportsDroppedShippedAndBufferedEventsAsMetrics() {
		this.contextRunner.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1").run((context) -> {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			context.getBean(LogShipping.class).bindTo(registry);
			assertThat(registry.get(LogShipping.DROPPED_METRIC).functionCounter().count()).isGreaterThanOrEqualTo(0);
			assertThat(registry.get(LogShipping.SHIPPED_METRIC).functionCounter().count()).isZero();
			assertThat(registry.get(LogShipping.BUFFERED_METRIC).gauge().value()).isGreaterThanOrEqualTo(0);
		});
	}

}
