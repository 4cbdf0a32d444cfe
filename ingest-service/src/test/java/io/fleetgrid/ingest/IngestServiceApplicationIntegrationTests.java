package io.fleetgrid.ingest;

import io.fleetgrid.observability.conformance.ServiceConformanceTests;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link ServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs.
 */
@RealInfra(servers = { Server.KAFKA })
class IngestServiceApplicationIntegrationTests extends ServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	IngestServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin) {
		super("ingest-service");
		this.kafkaAdmin = kafkaAdmin;
	}

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

}
