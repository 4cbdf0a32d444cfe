package io.fleetgrid.log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the whole service on the {@code test} profile against the real servers it needs
 * and checks what the platform relies on: health, metrics, OpenAPI, tracing headers and
 * the connections to its infrastructure.
 */
@RealInfra(servers = { Server.KAFKA, Server.SEARCH })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LogServiceApplicationIntegrationTests {

	@LocalServerPort
	private int port;

	private final KafkaAdmin kafkaAdmin;

	private final ElasticsearchClient search;

	LogServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired ElasticsearchClient search) {
		this.kafkaAdmin = kafkaAdmin;
		this.search = search;
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
		assertThat(metrics.getBody()).contains("jvm_memory_used_bytes{application=\"log-service\"");
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
	void reachesTheSearchServer() throws Exception {
		assertThat(this.search.ping().value()).isTrue();
		assertThat(this.search.indices().exists((exists) -> exists.index("fleetgrid-no-such-index")).value()).isFalse();
	}

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

	private ResponseEntity<String> get(String path) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).retrieve().toEntity(String.class);
	}

}
