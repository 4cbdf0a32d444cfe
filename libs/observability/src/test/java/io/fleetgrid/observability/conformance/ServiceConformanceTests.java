package io.fleetgrid.observability.conformance;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform relies on from every FleetGrid service, proved on the whole service
 * booted on the {@code test} profile: health and readiness UP, Prometheus metrics tagged
 * with the service, its OpenAPI document, and the trace id on every response. A service's
 * {@code <Service>ApplicationIntegrationTests} extends this class, names the real servers
 * it needs with {@code @RealInfra}, and adds the checks of its own infrastructure
 * connections.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServiceConformanceTests {

	private final String applicationName;

	@LocalServerPort
	private int port;

	/**
	 * Creates the tests for one service.
	 * @param applicationName the service's {@code spring.application.name}
	 */
	protected ServiceConformanceTests(String applicationName) {
		this.applicationName = applicationName;
	}

	@Test
	void healthAndReadinessAreUp() {
		assertThat(JsonPath.<String>read(get("/actuator/health").getBody(), "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(get("/actuator/health/readiness").getBody(), "$.status")).isEqualTo("UP");
	}

	@Test
	void servesPrometheusMetricsTaggedWithTheService() {
		ResponseEntity<String> metrics = get("/actuator/prometheus");

		assertThat(metrics.getHeaders().getContentType()).hasToString("text/plain;version=0.0.4;charset=utf-8");
		assertThat(metrics.getBody()).contains("jvm_memory_used_bytes{application=\"" + this.applicationName + "\"");
	}

	@Test
	void servesItsOpenApiDocument() {
		ResponseEntity<String> apiDocs = get("/v3/api-docs");

		assertThat(JsonPath.<String>read(apiDocs.getBody(), "$.openapi")).startsWith("3.");
	}

	@Test
	void answersWithItsTraceId() {
		ResponseEntity<String> health = get("/actuator/health");

		assertThat(health.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
	}

	/**
	 * GETs a path of the running service.
	 * @param path the path
	 * @return the response
	 */
	protected ResponseEntity<String> get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().toEntity(String.class);
	}

}
