package io.fleetgrid.security.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityDefaultsEnvironmentPostProcessorTests {

	private final SecurityDefaultsEnvironmentPostProcessor processor = new SecurityDefaultsEnvironmentPostProcessor();

	@Test
	void trustsTheLocalIssuerAndNamesTheServiceClientAfterTheApplication() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "ingest-service"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
			.isEqualTo("http://localhost:9000");
		assertThat(environment.getProperty("fleetgrid.security.service-client.client-id"))
			.isEqualTo("svc-ingest-service");
		assertThat(environment.containsProperty("fleetgrid.security.service-client.client-secret")).isFalse();
	}

	@Test
	void environmentVariablesOverrideTheDefaults() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "ingest-service",
				"FLEETGRID_ISSUER_URI", "https://auth.example.com", "FLEETGRID_SERVICE_CLIENT_SECRET", "s3cret"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
			.isEqualTo("https://auth.example.com");
		assertThat(environment.getProperty("fleetgrid.security.service-client.client-secret")).isEqualTo("s3cret");
	}

	@Test
	void applicationConfigurationWins() {
		StandardEnvironment environment = environment(Map.of("spring.application.name", "x",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://own.example.com"));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
			.isEqualTo("https://own.example.com");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
