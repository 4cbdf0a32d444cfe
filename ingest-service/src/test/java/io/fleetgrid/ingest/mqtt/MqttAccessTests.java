package io.fleetgrid.ingest.mqtt;

import java.time.Duration;
import java.util.List;

import io.fleetgrid.ingest.problem.IngestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class MqttAccessTests {

	private final MqttAccess access = new MqttAccess(null,
			new MqttProperties("tcp://localhost:1883", "fleetgrid-ingest", "fleetgrid-ingest", "s3cret",
					"devices/+/telemetry", List.of(), "", Duration.ofSeconds(1), 1));

	@Test
	void letsADevicePublishOnlyToItsOwnTelemetryTopic() {
		assertThat(this.access.allows("veh-1", "devices/veh-1/telemetry", "publish")).isTrue();
		assertThat(this.access.allows("veh-1", "devices/veh-2/telemetry", "publish")).isFalse();
		assertThat(this.access.allows("veh-1", "devices/veh-1/commands", "publish")).isFalse();
		assertThat(this.access.allows("veh-1", "devices/+/telemetry", "subscribe")).isFalse();
	}

	@Test
	void letsTheIngestIdentityOnlySubscribeToTelemetry() {
		assertThat(this.access.allows("fleetgrid-ingest", "devices/+/telemetry", "subscribe")).isTrue();
		assertThat(this.access.allows("fleetgrid-ingest", "$share/ingest/devices/+/telemetry", "subscribe")).isTrue();
		assertThat(this.access.allows("fleetgrid-ingest", "devices/veh-1/telemetry", "publish")).isFalse();
		assertThat(this.access.allows("fleetgrid-ingest", "#", "subscribe")).isFalse();
	}

	@Test
	void acceptsTheIngestIdentityOnlyWithItsPassword() {
		assertThatNoException().isThrownBy(() -> this.access.connect("fleetgrid-ingest", "s3cret"));
		assertThatExceptionOfType(IngestException.class)
			.isThrownBy(() -> this.access.connect("fleetgrid-ingest", "guess"));
	}

	@Test
	void readsTheDeviceOfATelemetryTopic() {
		assertThat(MqttAccess.deviceOf("devices/veh-1/telemetry")).isEqualTo("veh-1");
		assertThat(MqttAccess.deviceOf("devices/a/b/telemetry")).isNull();
		assertThat(MqttAccess.deviceOf("other/veh-1/telemetry")).isNull();
	}

}
