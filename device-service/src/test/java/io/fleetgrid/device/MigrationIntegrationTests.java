package io.fleetgrid.device;

import javax.sql.DataSource;

import io.fleetgrid.testkit.Infra;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Flyway migrations on a fresh database of the real PostgreSQL server, and the
 * constraints they declare.
 */
@RealInfra(servers = Server.POSTGRES)
class MigrationIntegrationTests {

	private static JdbcClient jdbc;

	@BeforeAll
	static void migrate() {
		DataSource dataSource = new DriverManagerDataSource(Infra.jdbcUrl("device_migration"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
		flyway.migrate();
		assertThat(flyway.migrate().migrationsExecuted).as("a second run changes nothing").isZero();
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				insert into device_group (tenant_id, id, name, kind, created_at, updated_at)
				values ('a', 'fleet-1', 'Fleet', 'FLEET', now(), now()) on conflict do nothing
				""").update();
	}

	@Test
	void createsEveryTable() {
		assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list()).contains("device", "device_group", "outbox");
	}

	@Test
	void rejectsAnUnknownDeviceType() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertDevice("boat-1", "a", "BOAT", null, null));
	}

	@Test
	void aDeviceCannotJoinAnotherTenantsGroup() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertDevice("veh-x1", "b", "VEHICLE", "fleet-1", null));
		insertDevice("veh-x2", "a", "VEHICLE", "fleet-1", null);
	}

	@Test
	void aVinIsUniqueWithinATenantOnly() {
		insertDevice("veh-v1", "a", "VEHICLE", null, "1M8GDM9AXKP042788");
		insertDevice("veh-v2", "b", "VEHICLE", null, "1M8GDM9AXKP042788");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertDevice("veh-v3", "a", "VEHICLE", null, "1M8GDM9AXKP042788"));
	}

	@Test
	void aDeviceIdIsUniqueAcrossTenants() {
		insertDevice("veh-u1", "a", "VEHICLE", null, null);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> insertDevice("veh-u1", "b", "VEHICLE", null, null));
	}

	private static void insertDevice(String id, String tenant, String type, String group, String vin) {
		jdbc.sql("""
				insert into device (id, tenant_id, type, name, group_id, vin, created_at, updated_at)
				values (:id, :tenant, :type, 'x', :group, :vin, now(), now())
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("type", type)
			.param("group", group)
			.param("vin", vin)
			.update();
	}

}
