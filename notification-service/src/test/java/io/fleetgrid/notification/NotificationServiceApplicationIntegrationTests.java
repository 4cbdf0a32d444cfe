package io.fleetgrid.notification;

import io.fleetgrid.observability.conformance.DatabaseServiceConformanceTests;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link DatabaseServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES }, database = "notification")
class NotificationServiceApplicationIntegrationTests extends DatabaseServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	@LocalServerPort
	private int port;

	NotificationServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired JdbcTemplate jdbc) {
		super("notification-service", "delivery", jdbc);
		this.kafkaAdmin = kafkaAdmin;
	}

	@Test
	void apiRequestWithoutATokenGetsProblem401() {
		ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/v1/notifications")
			.exchange((request, reply) -> ResponseEntity.status(reply.getStatusCode())
				.headers(reply.getHeaders())
				.body(reply.bodyTo(String.class)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
	}

	@Test
	void reachesTheKafkaBroker() {
		assertThat(this.kafkaAdmin.clusterId()).isNotBlank();
	}

}
