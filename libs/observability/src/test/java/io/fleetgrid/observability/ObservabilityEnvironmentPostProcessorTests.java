package io.fleetgrid.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
			"device-service");

	private void postProcess() {
		new ObservabilityEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

	@Test
	void exposesHealthInfoAndPrometheusWithProbes() {
		postProcess();

		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
		assertThat(this.environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(this.environment.getProperty("management.metrics.tags.application")).isEqualTo("device-service");
	}

	@Test
	void serviceConfigurationWinsOverLibraryDefaults() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("management.endpoints.web.exposure.include", "health",
					"logging.structured.format.console", "logstash")));

		postProcess();

		assertThat(this.environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
	}

	@Test
	void logsEcsJsonByDefaultWithTheInstanceIdAsNodeName() {
		postProcess();

		String instanceId = this.environment.getProperty("fleetgrid.observability.instance-id");
		assertThat(instanceId).contains(":device-service:" + ProcessHandle.current().pid());
		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(this.environment.getProperty("logging.structured.ecs.service.node-name")).isEqualTo(instanceId);
		assertThat(this.environment.getProperty("eureka.instance.instance-id")).isEqualTo(instanceId);
	}

	@Test
	void logsTextWhenTheProfileAsksForIt() {
		this.environment.setProperty("fleetgrid.observability.logging.format", "text");

		postProcess();

		assertThat(this.environment.containsProperty("logging.structured.format.console")).isFalse();
	}

	@Test
	void addsServiceAndInstanceToLogstashLines() {
		this.environment.setProperty("fleetgrid.observability.logging.format", "logstash");
		this.environment.setProperty("fleetgrid.observability.instance-id", "host-1:device-service:8081");

		postProcess();

		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
		assertThat(this.environment.getProperty("logging.structured.json.add.service_name"))
			.isEqualTo("device-service");
		assertThat(this.environment.getProperty("logging.structured.json.add.instance_id"))
			.isEqualTo("host-1:device-service:8081");
		assertThat(this.environment.getProperty("eureka.instance.instance-id")).isEqualTo("host-1:device-service:8081");
	}

}
