package io.fleetgrid.log.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.fleetgrid.testkit.Infra;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Elasticsearch Java client, built by {@link SearchClientConfiguration} with the
 * OpenSearch compatibility mode on, against the local stack's real OpenSearch node
 * ({@code fleetgrid.search.uris} is published by {@link RealInfra}).
 */
@RealInfra(servers = Server.SEARCH)
class SearchServerIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ElasticsearchRestClientAutoConfiguration.class,
				ElasticsearchClientAutoConfiguration.class))
		.withUserConfiguration(SearchClientConfiguration.class)
		.withPropertyValues("fleetgrid.search.opensearch-compatibility=true");

	private final String index = "logs-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void serverIsARealOpenSearchNode() {
		this.contextRunner.run((context) -> {
			Response response = context.getBean(Rest5Client.class).performRequest(new Request("GET", "/"));
			String body = new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(body).contains("\"distribution\" : \"opensearch\"").contains("\"number\" : \"2.19.3\"");
		});
	}

	@Test
	void fullTextQueryWithAKeywordFilterFindsExactlyTheMatchingDocuments() {
		this.contextRunner.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			createIndexWithMapping(client);
			indexSampleLines(client);

			assertThat(ids(client, brakeErrors())).containsExactly("2", "4");
			assertThat(ids(client, Query.of((q) -> q.term((t) -> t.field("level").value("error")))))
				.as("keyword fields match exactly, case included")
				.isEmpty();
			assertThat(ids(client, Query.of((q) -> q.match((m) -> m.field("service").query("device")))))
				.as("keyword fields are not split into words")
				.isEmpty();
			assertThat(ids(client, Query.of((q) -> q.match((m) -> m.field("message").query("PRESSURE")))))
				.as("text fields are analysed: lower-cased words")
				.containsExactlyInAnyOrder("2", "3", "4");
		});
	}

	@Test
	void indexAndItsMappingSurviveASearchServerRestart() throws IOException {
		this.contextRunner.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			createIndexWithMapping(client);
			indexSampleLines(client);
		});

		Infra.node(Server.SEARCH).restart();

		this.contextRunner.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			assertThat(ids(client, brakeErrors())).containsExactly("2", "4");
			var properties = client.indices()
				.getMapping((m) -> m.index(this.index))
				.get(this.index)
				.mappings()
				.properties();
			assertThat(properties.get("level").isKeyword()).isTrue();
			assertThat(properties.get("message").isText()).isTrue();
		});
	}

	private void createIndexWithMapping(ElasticsearchClient client) throws IOException {
		boolean acknowledged = client.indices()
			.create((c) -> c.index(this.index)
				.mappings((m) -> m.properties("service", Property.of((p) -> p.keyword((k) -> k)))
					.properties("level", Property.of((p) -> p.keyword((k) -> k)))
					.properties("traceId", Property.of((p) -> p.keyword((k) -> k)))
					.properties("message", Property.of((p) -> p.text((t) -> t)))
					.properties("ts", Property.of((p) -> p.date((d) -> d)))))
			.acknowledged();
		assertThat(acknowledged).isTrue();
	}

	private void indexSampleLines(ElasticsearchClient client) throws IOException {
		List<LogLine> lines = List.of(
				new LogLine("device-service", "INFO", "Device truck-7 registered", "t1", "2026-11-23T10:15:30Z"),
				new LogLine("stream-processor", "ERROR", "Brake pressure below limit on truck-7", "t2",
						"2026-11-23T10:15:31Z"),
				new LogLine("stream-processor", "WARN", "Brake pressure dropping on truck-9", "t3",
						"2026-11-23T10:15:32Z"),
				new LogLine("ingest-service", "ERROR", "Rejected batch: brake pressure sensor offline", "t4",
						"2026-11-23T10:15:33Z"),
				new LogLine("ingest-service", "ERROR", "Kafka unavailable, 12 events not accepted", "t5",
						"2026-11-23T10:15:34Z"));
		BulkResponse bulk = client.bulk((b) -> {
			b.index(this.index).refresh(Refresh.WaitFor);
			for (int i = 0; i < lines.size(); i++) {
				String id = String.valueOf(i + 1);
				LogLine line = lines.get(i);
				b.operations((op) -> op.index((doc) -> doc.id(id).document(line)));
			}
			return b;
		});
		assertThat(bulk.errors()).as("bulk errors").isFalse();
		assertThat(bulk.items()).hasSize(lines.size());
	}

	private static Query brakeErrors() {
		return Query.of((q) -> q.bool((b) -> b.must((m) -> m.match((t) -> t.field("message").query("brake pressure")))
			.filter((f) -> f.term((t) -> t.field("level").value("ERROR")))));
	}

	private List<String> ids(ElasticsearchClient client, Query query) throws IOException {
		return client
			.search((s) -> s.index(this.index).query(query).sort((o) -> o.field((f) -> f.field("ts"))), LogLine.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::id)
			.toList();
	}

	record LogLine(String service, String level, String message, String traceId, String ts) {
	}

}
