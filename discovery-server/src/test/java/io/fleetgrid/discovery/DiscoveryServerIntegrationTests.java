package io.fleetgrid.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the registry on a real port and talks to it over HTTP the way Eureka clients do.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DiscoveryServerIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void registersAnInstanceAndListsItAsUp() throws Exception {
		String instance = """
				{"instance": {
				  "instanceId": "localhost:probe-service:8099", "app": "PROBE-SERVICE",
				  "hostName": "localhost", "ipAddr": "127.0.0.1", "status": "UP",
				  "port": {"$": 8099, "@enabled": "true"},
				  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}
				}}""";
		HttpResponse<String> registered = this.http.send(HttpRequest.newBuilder(uri("/eureka/apps/PROBE-SERVICE"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(instance))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(registered.statusCode()).isEqualTo(204);

		HttpResponse<String> apps = get("/eureka/apps/PROBE-SERVICE", "application/json");

		assertThat(apps.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(apps.body(), "$.application.instance[0].instanceId"))
			.isEqualTo("localhost:probe-service:8099");
		assertThat(JsonPath.<String>read(apps.body(), "$.application.instance[0].status")).isEqualTo("UP");
	}

	@Test
	void healthIsUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "application/json");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	void servesPrometheusMetricsTaggedWithTheApplication() throws Exception {
		HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"discovery-server\"");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
