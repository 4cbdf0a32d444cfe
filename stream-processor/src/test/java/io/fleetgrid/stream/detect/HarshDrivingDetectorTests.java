package io.fleetgrid.stream.detect;

import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HarshDrivingDetectorTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void raisesHarshBrakingFromAccelerometerAndClearsWhenBackWithinThreshold() {
		this.harness.send(this.car, 0, Map.of("speedKph", 50.0, "accelMps2", -1.0));
		this.harness.send(this.car, 1, Map.of("speedKph", 40.0, "accelMps2", -4.2));
		this.harness.send(this.car, 2, Map.of("speedKph", 25.0, "accelMps2", -5.0));
		this.harness.send(this.car, 3, Map.of("speedKph", 20.0, "accelMps2", -1.0));
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::type).containsOnly(AlertType.HARSH_BRAKING);
		assertThat(alerts).extracting(AlertEvent::status)
			.containsExactly(Status.RAISED, Status.UPDATED, Status.CLEARED);
		assertThat(alerts.get(1).details()).containsEntry("accelerationMps2", 5.0);
	}

	@Test
	void derivesAccelerationFromSpeedChangeOfPointsAtMostThreeSecondsApart() {
		this.harness.send(this.car, 0, Map.of("speedKph", 20.0));
		// +25 km/h in 2 s = 3.47 m/s² > 3.0
		this.harness.send(this.car, 2, Map.of("speedKph", 45.0));
		assertThat(this.harness.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.type()).isEqualTo(AlertType.HARSH_ACCELERATION);
			assertThat(alert.status()).isEqualTo(Status.RAISED);
		});
	}

	@Test
	void ignoresSpeedChangesAcrossGapsLongerThanThreeSeconds() {
		this.harness.send(this.car, 0, Map.of("speedKph", 80.0));
		this.harness.send(this.car, 5, Map.of("speedKph", 0.0));
		assertThat(this.harness.alerts()).isEmpty();
	}

	@Test
	void usesTheGroupsThresholds() {
		this.harness.rules(Harness.ACME, "fleet-1", new Thresholds(null, null, 6.0, null, null, null, null, null, null,
				null, null, null, null, null, null, null));
		this.harness.send(this.car, 0, Map.of("accelMps2", -5.0));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(this.car, 1, Map.of("accelMps2", -6.5));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.HARSH_BRAKING);
	}

}
