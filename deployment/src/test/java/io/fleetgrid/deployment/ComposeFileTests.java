package io.fleetgrid.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml}: valid for the Compose Specification elements it uses, and
 * in step with the services (ports, environment), with {@code .env.example} and with the
 * Dockerfile. Each check also fails on a broken file.
 */
class ComposeFileTests {

	private static final String COMPOSE = Repository.read("docker-compose.yml");

	private static final String ENV_EXAMPLE = Repository.read(".env.example");

	private static Map<String, Set<String>> requiredEnvironment() {
		Map<String, Set<String>> required = new LinkedHashMap<>();
		Services.ALL.forEach((service) -> required.put(service, Services.requiredEnvironment(service)));
		return required;
	}

	@Test
	void followsTheComposeSpecification() {
		assertThat(ComposeChecks.specViolations(Yamls.document(COMPOSE))).isEmpty();
	}

	@Test
	void runsEveryServiceOnItsPortWithTheEnvironmentItsConfigurationNeeds() {
		assertThat(ComposeChecks.serviceViolations(Yamls.document(COMPOSE), Services.ports(), requiredEnvironment()))
			.isEmpty();
	}

	@Test
	void takesEverySecretFromTheEnvironmentAndDocumentsEveryVariable() {
		assertThat(ComposeChecks.interpolationViolations(COMPOSE, ENV_EXAMPLE)).isEmpty();
	}

	@Test
	void envExampleHoldsPlaceholdersOnly() {
		for (String line : ENV_EXAMPLE.split("\n")) {
			if (!line.startsWith("#") && line.contains("=") && line.matches(".*(PASSWORD|SECRET|PEPPER|COOKIE)=.*")) {
				assertThat(line.substring(line.indexOf('=') + 1)).as(line).startsWith("change-me");
			}
		}
	}

	@Test
	void runsKafkaInKraftModeFromTheOfficialImageWithTopicsFromTheCatalogue() {
		Map<String, Object> services = Yamls.mapAt(Yamls.document(COMPOSE), "services");
		Map<String, Object> kafka = Yamls.map(services.get("kafka"));
		assertThat(Yamls.string(kafka.get("image"))).startsWith("apache/kafka:");
		assertThat(Yamls.mapAt(kafka, "environment")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
		Map<String, Object> topics = Yamls.map(services.get("kafka-topics"));
		assertThat(Yamls.list(topics.get("volumes"))).contains("./deploy/kafka:/fleetgrid:ro");
		assertThat(Repository.path(KafkaResources.COMPOSE_TOPICS_FILE)).exists();
		assertThat(Yamls.mapAt(Yamls.map(services.get("elasticsearch")), "environment"))
			.containsEntry("xpack.security.enabled", "true");
		assertThat(Yamls.mapAt(Yamls.map(services.get("log-service")), "environment"))
			.containsEntry("FLEETGRID_SEARCH_OPENSEARCH_COMPATIBILITY", "false");
	}

	@Test
	void monitoringIsAnOptionalProfileWithAProvisionedDashboard() {
		Map<String, Object> services = Yamls.mapAt(Yamls.document(COMPOSE), "services");
		assertThat(Yamls.list(Yamls.map(services.get("prometheus")).get("profiles"))).containsExactly("monitoring");
		assertThat(Yamls.list(Yamls.map(services.get("grafana")).get("profiles"))).containsExactly("monitoring");
		String dashboard = Repository.read("deploy/grafana/dashboards/fleetgrid-overview.json");
		assertThat(dashboard).contains("\"uid\": \"fleetgrid-overview\"", "http_server_requests_seconds_count",
				"kafka_consumer_fetch_manager_records_lag_max");
		String prometheus = Repository.read("deploy/prometheus/prometheus.yml");
		Services.ports()
			.forEach((service, port) -> assertThat(prometheus).contains("\"" + service + ":" + port + "\""));
	}

	// ------------------------------------------------------------- mutations

	private static Map<String, Object> broken(String from, String to) {
		assertThat(COMPOSE).contains(from);
		return Yamls.document(COMPOSE.replace(from, to));
	}

	@Test
	void rejectsAnUnknownServiceAttribute() {
		assertThat(ComposeChecks
			.specViolations(broken("    restart: unless-stopped\n    environment:\n      KAFKA_NODE_ID",
					"    restart: unless-stopped\n    enviroment: {}\n    environment:\n      KAFKA_NODE_ID")))
			.contains("kafka: unknown service attribute enviroment");
	}

	@Test
	void rejectsAnInvalidDependsOnCondition() {
		assertThat(ComposeChecks.specViolations(Yamls
			.document(COMPOSE.replaceFirst("condition: service_completed_successfully", "condition: service_done"))))
			.anySatisfy((violation) -> assertThat(violation).contains("invalid depends_on condition service_done"));
	}

	@Test
	void rejectsWaitingForTheHealthOfAServiceWithoutHealthcheck() {
		Map<String, Object> compose = broken("    healthcheck:\n      test: [\"CMD\", \"/mailpit\", \"readyz\"]",
				"    x-healthcheck:\n      test: [\"CMD\", \"/mailpit\", \"readyz\"]");
		assertThat(ComposeChecks.specViolations(compose)).contains(
				"notification-service: waits for mailpit to be healthy but it has no healthcheck",
				"mailpit: a long-running service needs a healthcheck");
	}

	@Test
	void rejectsAnUndeclaredNamedVolume() {
		assertThat(ComposeChecks.specViolations(broken("  mail-data:\n", "")))
			.contains("mailpit: named volume mail-data is not declared");
	}

	@Test
	void rejectsAWrongPort() {
		assertThat(ComposeChecks.serviceViolations(
				broken("SERVICE: device-service\n        PORT: 8081", "SERVICE: device-service\n        PORT: 8080"),
				Services.ports(), requiredEnvironment()))
			.contains("device-service: build arg PORT 8080 but the service listens on 8081");
		assertThat(ComposeChecks.serviceViolations(
				broken("\"${FLEETGRID_GATEWAY_PORT:-8080}:8080\"", "\"${FLEETGRID_GATEWAY_PORT:-8080}:8081\""),
				Services.ports(), requiredEnvironment()))
			.contains("api-gateway: publishes container port 8081 but the service listens on 8080");
	}

	@Test
	void rejectsAMissingVariable() {
		assertThat(ComposeChecks.serviceViolations(broken(
				"      FLEETGRID_DEVICE_TOKEN_PEPPER: ${FLEETGRID_DEVICE_TOKEN_PEPPER:?set FLEETGRID_DEVICE_TOKEN_PEPPER in .env}\n",
				""), Services.ports(), requiredEnvironment()))
			.contains("device-service: environment lacks [FLEETGRID_DEVICE_TOKEN_PEPPER]");
	}

	@Test
	void rejectsACommittedSecretValue() {
		assertThat(ComposeChecks.serviceViolations(
				broken("POSTGRES_PASSWORD: ${POSTGRES_SUPERUSER_PASSWORD:?set POSTGRES_SUPERUSER_PASSWORD in .env}",
						"POSTGRES_PASSWORD: hunter2"),
				Services.ports(), requiredEnvironment()))
			.contains("postgres: POSTGRES_PASSWORD has a literal value; take it from .env");
	}

	@Test
	void rejectsASilentlyEmptyOrUndocumentedVariable() {
		assertThat(ComposeChecks.interpolationViolations(
				COMPOSE.replace("${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in .env}", "${ELASTIC_PASSWORD}"),
				ENV_EXAMPLE))
			.anySatisfy((violation) -> assertThat(violation).startsWith("${ELASTIC_PASSWORD}: use"));
		assertThat(ComposeChecks.interpolationViolations(COMPOSE, ENV_EXAMPLE.replace("GRAFANA_ADMIN_PASSWORD=", "# ")))
			.contains("GRAFANA_ADMIN_PASSWORD is used by docker-compose.yml but not listed in .env.example");
	}

}
