package io.fleetgrid.observability.conformance;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ServiceConformanceTests} for a service that owns a PostgreSQL database:
 * additionally, its Flyway baseline migration has been applied and created the service's
 * table, and its connection pool is reported as metrics.
 */
public abstract class DatabaseServiceConformanceTests extends ServiceConformanceTests {

	private final String migratedTable;

	private final JdbcTemplate jdbc;

	/**
	 * Creates the tests for one service.
	 * @param applicationName the service's {@code spring.application.name}
	 * @param migratedTable a table the service's first migration creates
	 * @param jdbc access to the service's database
	 */
	protected DatabaseServiceConformanceTests(String applicationName, String migratedTable, JdbcTemplate jdbc) {
		super(applicationName);
		this.migratedTable = migratedTable;
		this.jdbc = jdbc;
	}

	@Test
	void migratesTheSchemaWithFlyway() {
		Integer applied = this.jdbc.queryForObject(
				"select count(*) from flyway_schema_history where version = '1' and success", Integer.class);
		assertThat(applied).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from " + this.migratedTable, Integer.class)).isZero();
	}

	@Test
	void reportsTheDatabaseConnectionPoolAsMetrics() {
		assertThat(get("/actuator/prometheus").getBody()).contains("hikaricp_connections_active");
	}

}
