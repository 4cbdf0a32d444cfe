package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MqttPropertiesTests {

	@Test
	void oneSessionKeepsTheConfiguredClientId() {
		assertThat(properties("devices/+/telemetry", 1).sessionClientId(1)).isEqualTo("fleetgrid-ingest-a");
	}

	@Test
	void severalSessionsAreNumbered() {
		MqttProperties properties = properties("$share/ingest/devices/+/telemetry", 3);
		assertThat(List.of(properties.sessionClientId(1), properties.sessionClientId(3)))
			.containsExactly("fleetgrid-ingest-a-1", "fleetgrid-ingest-a-3");
	}

	@Test
	void severalSessionsNeedASharedSubscription() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("devices/+/telemetry", 2))
			.withMessageContaining("$share/<group>/devices/+/telemetry");
	}

	@Test
	void atLeastOneSession() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("devices/+/telemetry", 0));
	}

	private static MqttProperties properties(String topicFilter, int subscribers) {
		return new MqttProperties("tcp://localhost:1883", "fleetgrid-ingest-a", "fleetgrid-ingest", "s3cret",
				topicFilter, List.of(), "", Duration.ofSeconds(1), subscribers);
	}

}
