package io.fleetgrid.log;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.observability.conformance.ServiceConformanceTests;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link ServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs (same context configuration as
 * the other integration tests, so the context is shared).
 */
@RealInfra(servers = { Server.KAFKA, Server.SEARCH })
@TestPropertySource(properties = "fleetgrid.observability.shipping.enabled=true")
@Import(TestTokens.Config.class)
class LogServiceApplicationIntegrationTests extends ServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	private final ElasticsearchClient search;

	LogServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired ElasticsearchClient search) {
		super("log-service");
		this.kafkaAdmin = kafkaAdmin;
		this.search = search;
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

}
