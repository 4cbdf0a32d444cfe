package io.fleetgrid.stream.detect;

import java.time.Duration;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineDetectorTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void raisesOfflineByWallClockAfterTheSilenceAndClearsOnTheNextEvent() {
		this.harness.send(this.car, 0, Map.of("speedKph", 10.0));
		this.harness.advanceWallClock(Duration.ofMinutes(9));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.advanceWallClock(Duration.ofMinutes(2));
		assertThat(this.harness.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.type()).isEqualTo(AlertType.DEVICE_OFFLINE);
			assertThat(alert.status()).isEqualTo(Status.RAISED);
			assertThat(alert.startedAt()).isEqualTo(Harness.T0);
		});
		assertThat(this.harness.states()).last()
			.satisfies((state) -> assertThat(state.activeAlerts()).containsExactly(AlertType.DEVICE_OFFLINE));
		this.harness.advanceWallClock(Duration.ofMinutes(30));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(this.car, 60 * 45, Map.of("speedKph", 10.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type, AlertEvent::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.DEVICE_OFFLINE, Status.CLEARED));
	}

	@Test
	void usesTheTenantsOfflineTime() {
		this.harness.rules(Harness.ACME, RuleSettings.TENANT_DEFAULTS, new Thresholds(null, null, null, null, null,
				null, null, null, 60, null, null, null, null, null, null, null));
		this.harness.send(this.car, 0, Map.of("speedKph", 10.0));
		this.harness.advanceWallClock(Duration.ofMinutes(30));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.advanceWallClock(Duration.ofMinutes(31));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.DEVICE_OFFLINE);
	}

}
