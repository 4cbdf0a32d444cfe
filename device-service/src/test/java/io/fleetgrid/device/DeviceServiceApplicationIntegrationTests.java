package io.fleetgrid.device;

import io.fleetgrid.observability.conformance.ServiceConformanceTests;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform conformance checks (see {@link ServiceConformanceTests}) plus the
 * connections of this service to the real servers it needs.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES }, database = "device")
class DeviceServiceApplicationIntegrationTests extends ServiceConformanceTests {

	private final KafkaAdmin kafkaAdmin;

	private final JdbcTemplate jdbc;

	DeviceServiceApplicationIntegrationTests(@Autowired KafkaAdmin kafkaAdmin, @Autowired JdbcTemplate jdbc) {
		super("device-service");
		this.kafkaAdmin = kafkaAdmin;
		this.jdbc = jdbc;
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

}
