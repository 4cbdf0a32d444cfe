package io.fleetgrid.auth.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuthPropertiesTests {

	@Test
	void parsesServiceClientPairs() {
		AuthProperties properties = properties("svc-device-service:s1, svc-ingest-service:s:2,");

		assertThat(properties.parsedServiceClients()).containsExactly(
				new AuthProperties.ServiceClient("svc-device-service", "s1"),
				new AuthProperties.ServiceClient("svc-ingest-service", "s:2"));
	}

	@Test
	void rejectsServiceClientWithoutSecretOrPrefix() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("svc-a").parsedServiceClients())
			.withMessageContaining("clientId:secret");
		assertThatIllegalArgumentException().isThrownBy(() -> properties("device:secret").parsedServiceClients())
			.withMessageContaining("svc-");
	}

	@Test
	void rejectsAccessTokensLongerThanFifteenMinutes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuthProperties("http://localhost:9000", null, Duration.ofMinutes(16),
					Duration.ofHours(8), null, "", null, null, null, null, null))
			.withMessageContaining("at most 15 minutes");
	}

	private static AuthProperties properties(String serviceClients) {
		return new AuthProperties("http://localhost:9000", null, Duration.ofMinutes(10), Duration.ofHours(8), null,
				serviceClients, null, null, null, null, null);
	}

}
