package io.fleetgrid.stream;

import io.fleetgrid.observability.conformance.ServiceConformanceTests;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link ServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs. The context is closed after
 * the class so that its Kafka Streams instance does not process the telemetry of the
 * crash test (which compares the alert output exactly).
 */
@RealInfra(servers = { Server.KAFKA })
@DirtiesContext
class StreamProcessorApplicationIntegrationTests extends ServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	StreamProcessorApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin) {
		super("stream-processor");
		this.kafkaAdmin = kafkaAdmin;
	}

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

}
