package io.fleetgrid.stream.detect;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleHealthDetectorTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void raisesEngineOverheatAsCriticalAndClearsOnlyBelowTheHysteresis() {
		this.harness.send(this.car, 0, Map.of("coolantTempC", 105.0));
		this.harness.send(this.car, 1, Map.of("coolantTempC", 112.0));
		this.harness.send(this.car, 2, Map.of("coolantTempC", 108.0));
		this.harness.send(this.car, 3, Map.of("coolantTempC", 111.0));
		this.harness.send(this.car, 4, Map.of("coolantTempC", 106.0));
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::status).containsExactly(Status.RAISED, Status.CLEARED);
		assertThat(alerts.get(0).severity()).isEqualTo(Severity.CRITICAL);
		assertThat(alerts.get(0).message()).contains("112.0").contains("110.0");
		assertThat(alerts.get(1).endedAt()).isEqualTo(Harness.T0.plusSeconds(4));
	}

	@Test
	void raisesLowOilPressureOnlyWithTheEngineRunning() {
		this.harness.send(this.car, 0, Map.of("oilPressureKpa", 0.0, "engineRpm", 0.0));
		this.harness.send(this.car, 1, Map.of("oilPressureKpa", 10.0, "ignition", false));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(this.car, 2, Map.of("oilPressureKpa", 50.0, "engineRpm", 1500.0));
		this.harness.send(this.car, 3, Map.of("oilPressureKpa", 0.0, "engineRpm", 0.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type, AlertEvent::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.LOW_OIL_PRESSURE, Status.RAISED),
					org.assertj.core.groups.Tuple.tuple(AlertType.LOW_OIL_PRESSURE, Status.CLEARED));
	}

	@Test
	void raisesLowTirePressureAndLowFuel() {
		this.harness.send(this.car, 0, Map.of("tirePressureKpa", 170.0, "fuelLevelPct", 8.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type)
			.containsExactlyInAnyOrder(AlertType.LOW_TIRE_PRESSURE, AlertType.LOW_FUEL);
		this.harness.send(this.car, 1, Map.of("tirePressureKpa", 185.0, "fuelLevelPct", 11.0));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(this.car, 2, Map.of("tirePressureKpa", 230.0, "fuelLevelPct", 60.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::status).containsOnly(Status.CLEARED).hasSize(2);
	}

	@Test
	void raisesDtcForNewCodesWithDescriptionsAndClearsWhenNoneAreLeft() {
		this.harness.send(this.car, 0, Map.of("dtcCodes", List.of("P0301")));
		this.harness.send(this.car, 1, Map.of("dtcCodes", List.of("P0301")));
		this.harness.send(this.car, 2, Map.of("dtcCodes", List.of("P0301", "P0420")));
		this.harness.send(this.car, 3, Map.of("dtcCodes", List.of()));
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::status)
			.containsExactly(Status.RAISED, Status.UPDATED, Status.CLEARED);
		assertThat(alerts.get(0).message()).isEqualTo("New trouble code: P0301 Cylinder 1 misfire detected");
		assertThat(alerts.get(1).details().get("newCodes")).isEqualTo(List.of("P0420"));
		assertThat(alerts.get(1).details().get("codes")).isEqualTo(Map.of("P0301", "Cylinder 1 misfire detected",
				"P0420", "Catalyst system efficiency below threshold (bank 1)"));
	}

	@Test
	void raisesServiceDueByDistanceWithAPredictedDateFromTheUsageRate() {
		DeviceSnapshot van = this.harness.vehicle(Harness.ACME, "veh-2", new VehicleProfile(null, null, null, null,
				null, "DIESEL", null, 15_000, 12, LocalDate.of(2026, 3, 1), 40_000.0));
		this.harness.send(van, 0, Map.of("odometerKm", 53_000.0));
		assertThat(this.harness.alerts()).isEmpty();
		// 1 400 km still to go: not yet within the 1 000 km warning distance
		this.harness.send(van, 2 * 86_400, Map.of("odometerKm", 53_600.0));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(van, 2 * 86_400 + 3600, Map.of("odometerKm", 54_100.0));
		AlertEvent alert = this.harness.alerts().get(0);
		assertThat(alert.type()).isEqualTo(AlertType.SERVICE_DUE);
		assertThat(alert.details()).containsEntry("dueBy", "DISTANCE")
			.containsEntry("remainingKm", 900.0)
			.containsEntry("dueDate", "2027-03-01");
		// 1 100 km in 2.04 days = about 540 km/day: the remaining 900 km take 2 days
		assertThat(alert.details().get("predictedServiceDate")).isEqualTo("2026-06-25");
		assertThat(alert.details().get("suggestions"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class))
			.contains("Change engine oil and oil filter", "Check coolant level");
	}

	@Test
	void raisesServiceDueByTimeAndClearsAfterTheServiceIsRecorded() {
		VehicleProfile due = new VehicleProfile(null, null, null, null, null, null, null, null, 12,
				LocalDate.of(2025, 7, 1), null);
		DeviceSnapshot van = this.harness.vehicle(Harness.ACME, "veh-3", due);
		this.harness.send(van, 0, Map.of("speedKph", 10.0));
		assertThat(this.harness.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.details()).containsEntry("dueBy", "TIME").containsEntry("dueDate", "2026-07-01");
		});
		this.harness.vehicle(Harness.ACME, "veh-3", new VehicleProfile(null, null, null, null, null, null, null, null,
				12, LocalDate.of(2026, 6, 20), null));
		this.harness.send(van, 10, Map.of("speedKph", 10.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
	}

}
