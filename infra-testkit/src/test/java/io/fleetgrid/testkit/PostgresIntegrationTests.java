package io.fleetgrid.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server of the local stack is a real PostgreSQL: SQL and Flyway work
 * against it, and committed data survives restarts and crashes.
 */
@RealInfra(servers = Server.POSTGRES, database = "infra_test")
class PostgresIntegrationTests {

	@Test
	void dataSourcePropertiesReachARealPostgresql() throws Exception {
		assertThat(System.getProperty("spring.datasource.url")).endsWith("/infra_test");
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE greeting (id SERIAL PRIMARY KEY, text TEXT NOT NULL)");
			statement.execute("INSERT INTO greeting (text) VALUES ('hello'), ('world')");

			assertThat(strings(statement, "SELECT text FROM greeting ORDER BY id")).containsExactly("hello", "world");
			assertThat(strings(statement, "SELECT current_database() || ' ' || current_user"))
				.containsExactly("infra_test fleetgrid");
			assertThat(strings(statement, "SHOW server_version")).singleElement().asString().startsWith("18.");
		}
	}

	@Test
	void flywayMigrationAppliesOnceAndIsANoOpTheSecondTime() throws Exception {
		String url = Infra.jdbcUrl("flyway_test");
		Flyway flyway = Flyway.configure()
			.dataSource(url, Infra.postgres().property("username"), Infra.postgres().property("password"))
			.load();

		MigrateResult first = flyway.migrate();
		MigrateResult second = flyway.migrate();

		assertThat(first.migrationsExecuted).isEqualTo(2);
		assertThat(second.migrationsExecuted).isZero();
		try (Connection connection = DriverManager.getConnection(url, Infra.postgres().property("username"),
				Infra.postgres().property("password")); Statement statement = connection.createStatement()) {
			assertThat(strings(statement, "SELECT vin FROM vehicle ORDER BY vin")).containsExactly("WDB1234561A000001",
					"WDB1234561A000002");
			assertThat(strings(statement, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
				.containsExactly("1", "2");
		}
	}

	@Test
	void committedRowsSurviveARestartOfTheServer() throws Exception {
		String marker = insertMarker();

		Infra.postgres().restart();

		assertThat(markers()).contains(marker);
	}

	@Test
	void committedRowsSurviveACrashOfTheServer() throws Exception {
		String marker = insertMarker();
		long crashedPid = Infra.postgres().pid();

		Infra.postgres().kill();
		assertThat(ProcessHandle.of(crashedPid).filter(ProcessHandle::isAlive)).isEmpty();
		Infra.postgres().restart();

		assertThat(markers()).contains(marker);
	}

	private static String insertMarker() throws SQLException {
		String marker = UUID.randomUUID().toString();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS marker (value TEXT PRIMARY KEY)");
			statement.execute("INSERT INTO marker (value) VALUES ('" + marker + "')");
		}
		return marker;
	}

	private static List<String> markers() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			return strings(statement, "SELECT value FROM marker");
		}
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
	}

	private static List<String> strings(Statement statement, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(query)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
