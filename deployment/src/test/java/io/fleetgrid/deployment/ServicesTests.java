package io.fleetgrid.deployment;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ports the deployment checks use are the ports of the public contract. */
class ServicesTests {

	/** API.md, "Local ports". */
	private static final Map<String, Integer> API_MD = Map.of("api-gateway", 8080, "auth-service", 9000,
			"discovery-server", 8761, "device-service", 8081, "ingest-service", 8082, "stream-processor", 8083,
			"notification-service", 8084, "log-service", 8085);

	@Test
	void everyServiceListensOnItsApiMdPort() {
		assertThat(Services.ports()).containsExactlyInAnyOrderEntriesOf(API_MD);
	}

	@Test
	void theApiMdTableBesideTheRepositoryAgreesWhenPresent() {
		if (!Files.isRegularFile(Repository.root().resolveSibling("shared").resolve("API.md"))) {
			return;
		}
		Map<String, Integer> table = new LinkedHashMap<>(Services.apiMdPorts());
		table.keySet().retainAll(API_MD.keySet());
		assertThat(table).containsExactlyInAnyOrderEntriesOf(API_MD);
	}

	@Test
	void requiresThePlaceholdersOfTheProdProfile() {
		assertThat(Services.requiredEnvironment("device-service")).contains("POSTGRES_USER", "POSTGRES_PASSWORD",
				"FLEETGRID_DEVICE_TOKEN_PEPPER", "KAFKA_BOOTSTRAP_SERVERS");
		assertThat(Services.requiredEnvironment("discovery-server")).containsExactly("SPRING_PROFILES_ACTIVE");
	}

}
