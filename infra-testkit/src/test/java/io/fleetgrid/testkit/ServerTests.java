package io.fleetgrid.testkit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServerTests {

	@Test
	void kafkaIsPublishedAsBootstrapServers() {
		assertThat(Server.KAFKA.springProperties(Map.of("bootstrapServers", "localhost:1234"), "x"))
			.containsExactly(Map.entry("spring.kafka.bootstrap-servers", "localhost:1234"));
	}

	@Test
	void postgresIsPublishedAsTheDataSourceOfTheRequestedDatabase() {
		Map<String, String> ready = Map.of("jdbcUrlPrefix", "jdbc:postgresql://localhost:5/", "username", "u",
				"password", "p", "host", "localhost", "port", "5");

		assertThat(Server.POSTGRES.springProperties(ready, "device")).containsExactly(
				Map.entry("spring.datasource.url", "jdbc:postgresql://localhost:5/device"),
				Map.entry("spring.datasource.username", "u"), Map.entry("spring.datasource.password", "p"));
	}

	@Test
	void mqttSmtpAndSearchArePublishedUnderTheirProperties() {
		assertThat(Server.MQTT.springProperties(Map.of("url", "tcp://localhost:7"), null))
			.containsExactly(Map.entry("fleetgrid.mqtt.url", "tcp://localhost:7"));
		assertThat(Server.SMTP
			.springProperties(Map.of("host", "localhost", "smtpPort", "8", "apiUrl", "http://localhost:9"), null))
			.containsExactly(Map.entry("spring.mail.host", "localhost"), Map.entry("spring.mail.port", "8"),
					Map.entry("fleetgrid.mail.api-url", "http://localhost:9"));
		assertThat(Server.SEARCH.springProperties(Map.of("httpUrl", "http://localhost:10"), null))
			.containsExactly(Map.entry("fleetgrid.search.uris", "http://localhost:10"));
	}

	@Test
	void aMissingReadyPropertyIsAnError() {
		assertThatIllegalStateException().isThrownBy(() -> Server.SMTP.springProperties(Map.of("host", "h"), null))
			.withMessageContaining("smtpPort");
	}

}
