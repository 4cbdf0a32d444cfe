package io.fleetgrid.observability.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationAutoConfigurationTests {

	private static final AutoConfigurations CORRELATION = AutoConfigurations.of(CorrelationAutoConfiguration.class);

	@Test
	void registersTheServletFilterInServletServices() {
		new WebApplicationContextRunner().withConfiguration(CORRELATION)
			.run((context) -> assertThat(context).hasSingleBean(ServletCorrelationFilter.class)
				.doesNotHaveBean(ReactiveCorrelationWebFilter.class));
	}

	@Test
	void registersTheWebFilterInReactiveServices() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CORRELATION)
			.run((context) -> assertThat(context).hasSingleBean(ReactiveCorrelationWebFilter.class)
				.doesNotHaveBean(ServletCorrelationFilter.class));
	}

	@Test
	void registersNoFilterOutsideAWebApplication() {
		new ApplicationContextRunner().withConfiguration(CORRELATION)
			.run((context) -> assertThat(context).doesNotHaveBean(ServletCorrelationFilter.class)
				.doesNotHaveBean(ReactiveCorrelationWebFilter.class));
	}

	@Test
	void canBeSwitchedOff() {
		new WebApplicationContextRunner().withConfiguration(CORRELATION)
			.withPropertyValues("fleetgrid.observability.correlation.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ServletCorrelationFilter.class));
	}

	@Test
	void usesConfiguredHeaderNames() {
		new WebApplicationContextRunner().withConfiguration(CORRELATION)
			.withPropertyValues("fleetgrid.observability.correlation.header=X-Request-Id")
			.run((context) -> assertThat(
					context.getBean(io.fleetgrid.observability.ObservabilityProperties.class).correlation().header())
				.isEqualTo("X-Request-Id"));
	}

}
