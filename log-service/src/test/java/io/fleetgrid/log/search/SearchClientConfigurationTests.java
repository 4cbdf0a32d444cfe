package io.fleetgrid.log.search;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.TransportException;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails.Node;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client Boot builds from {@link SearchClientConfiguration}, checked on the wire
 * against a local HTTP endpoint that answers like OpenSearch does (no
 * {@code X-Elastic-Product} header) and records the request headers.
 */
class SearchClientConfigurationTests {

	private static final String EMPTY_SEARCH_RESPONSE = """
			{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
			 "hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ElasticsearchRestClientAutoConfiguration.class,
				ElasticsearchClientAutoConfiguration.class))
		.withUserConfiguration(SearchClientConfiguration.class);

	private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@BeforeEach
	void startEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				this.requests.add(Map.of("method", exchange.getRequestMethod(), "accept",
						String.valueOf(exchange.getRequestHeaders().getFirst("Accept")), "contentType",
						String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))));
				exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
				if ("HEAD".equals(exchange.getRequestMethod())) {
					exchange.sendResponseHeaders(200, -1);
					return;
				}
				byte[] body = EMPTY_SEARCH_RESPONSE.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopEndpoint() {
		this.server.stop(0);
	}

	@Test
	void nodesAndCredentialsComeFromFleetgridSearchProperties() {
		this.contextRunner
			.withPropertyValues("fleetgrid.search.uris=http://search-a:9201,https://reader:pw@search-b:9443",
					"fleetgrid.search.username=fleetgrid", "fleetgrid.search.password=secret")
			.run((context) -> {
				ElasticsearchConnectionDetails details = context.getBean(ElasticsearchConnectionDetails.class);
				assertThat(details.getNodes()).containsExactly(new Node("search-a", 9201, Node.Protocol.HTTP),
						new Node("search-b", 9443, Node.Protocol.HTTPS, "reader", "pw"));
				assertThat(details.getUsername()).isEqualTo("fleetgrid");
				assertThat(details.getPassword()).isEqualTo("secret");
				assertThat(context).hasSingleBean(ElasticsearchClient.class)
					.doesNotHaveBean(OpenSearchCompatibility.class);
			});
	}

	@Test
	void withoutCompatibilityTheClientRejectsAnOpenSearchStyleResponse() {
		this.contextRunner.withPropertyValues("fleetgrid.search.uris=" + endpoint()).run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> client.search((s) -> s.index("logs"), Object.class))
				.withMessageContaining("X-Elastic-Product");
			assertThat(this.requests).singleElement()
				.satisfies((request) -> assertThat(request.get("accept"))
					.startsWith("application/vnd.elasticsearch+json"));
		});
	}

	@Test
	void withCompatibilityTheClientSendsPlainJsonAndAcceptsTheResponse() {
		this.contextRunner
			.withPropertyValues("fleetgrid.search.uris=" + endpoint(), "fleetgrid.search.opensearch-compatibility=true")
			.run((context) -> {
				ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
				assertThat(client.search((s) -> s.index("logs").query((q) -> q.matchAll((m) -> m)), Object.class)
					.hits()
					.hits()).isEmpty();
				assertThat(client.ping().value()).isTrue();
				assertThat(this.requests).hasSize(2);
				assertThat(this.requests.get(0)).containsEntry("method", "POST")
					.containsEntry("accept", "application/json")
					.containsEntry("contentType", "application/json");
				assertThat(this.requests.get(1)).containsEntry("method", "HEAD")
					.containsEntry("accept", "application/json");
			});
	}

	private String endpoint() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

}
