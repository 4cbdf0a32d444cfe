package io.fleetgrid.notification;

import io.fleetgrid.observability.conformance.DatabaseServiceConformanceTests;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link DatabaseServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES }, database = "notification")
class NotificationServiceApplicationIntegrationTests extends DatabaseServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	NotificationServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired JdbcTemplate jdbc) {
		super("notification-service", "delivery", jdbc);
		this.kafkaAdmin = kafkaAdmin;
	}

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

}
