package io.fleetgrid.device;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the whole service on the {@code test} profile against the real servers it needs
 * and checks what the platform relies on: health, metrics, OpenAPI, tracing headers and
 * the connections to its infrastructure.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES }, database = "device")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeviceServiceApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	private final KafkaAdmin kafkaAdmin;

	private final JdbcTemplate jdbc;

	DeviceServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired JdbcTemplate jdbc) {
		this.kafkaAdmin = kafkaAdmin;
		this.jdbc = jdbc;
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
		assertThat(metrics.getBody()).contains("jvm_memory_used_bytes{application=\"device-service\"");
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

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

	@Test
	void migratesTheSchemaWithFlyway() {
		Integer applied = this.jdbc.queryForObject(
				"select count(*) from flyway_schema_history where version = '1' and success", Integer.class);
		assertThat(applied).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from device", Integer.class)).isZero();
	}

	@Test
	void reportsTheDatabaseConnectionPoolAsMetrics() {
		assertThat(get("/actuator/prometheus").getBody()).contains("hikaricp_connections_active");
	}

	private ResponseEntity<String> get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().toEntity(String.class);
	}

}
