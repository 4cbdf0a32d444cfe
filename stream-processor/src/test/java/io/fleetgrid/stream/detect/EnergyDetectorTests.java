package io.fleetgrid.stream.detect;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnergyDetectorTests {

	private final Harness harness = new Harness();

	// Berlin; Harness.T0 is 10:00 UTC on the summer solstice: the sun is about 58° high
	private final DeviceSnapshot inverter = this.harness.inverter(Harness.ACME, "inv-1", new EnergyProfile("SN1",
			"Acme", "X10", 10.0, 10.0, 10.0, new GeoPoint(52.52, 13.405), ZoneId.of("Europe/Berlin")));

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void raisesInverterFaultWithTheDescriptionUpdatesOnANewCodeAndClearsOnZero() {
		this.harness.send(this.inverter, 0, Map.of("faultCode", 6L));
		this.harness.send(this.inverter, 1, Map.of("faultCode", 6L));
		this.harness.send(this.inverter, 2, Map.of("faultCode", 8L));
		this.harness.send(this.inverter, 3, Map.of("faultCode", 0L));
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::status)
			.containsExactly(Status.RAISED, Status.UPDATED, Status.CLEARED);
		assertThat(alerts.get(0).message())
			.isEqualTo("Inverter fault 6: Insulation resistance too low (isolation fault)");
		assertThat(alerts.get(1).details()).containsEntry("description", "Inverter overtemperature");
	}

	@Test
	void raisesInverterOvertemp() {
		this.harness.send(this.inverter, 0, Map.of("inverterTempC", 80.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.INVERTER_OVERTEMP);
	}

	@Test
	void raisesLowBatteryOnlyWhileDischarging() {
		this.harness.send(this.inverter, 0, Map.of("batterySocPct", 12.0, "batteryPowerW", -2000.0));
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.send(this.inverter, 1, Map.of("batterySocPct", 12.0, "batteryPowerW", 1500.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.LOW_BATTERY);
		this.harness.send(this.inverter, 2, Map.of("batterySocPct", 12.0, "batteryPowerW", -500.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
	}

	@Test
	void raisesLowBatteryFromAFallingStateOfChargeWithoutPowerReading() {
		this.harness.send(this.inverter, 0, Map.of("batterySocPct", 14.0));
		this.harness.send(this.inverter, 60, Map.of("batterySocPct", 13.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.LOW_BATTERY);
	}

	@Test
	void raisesGridAnomalyForVoltageOrFrequencyOutOfBand() {
		this.harness.send(this.inverter, 0, Map.of("gridVoltageV", 231.0, "gridFrequencyHz", 50.0));
		this.harness.send(this.inverter, 1, Map.of("gridVoltageV", 231.0, "gridFrequencyHz", 49.2));
		this.harness.send(this.inverter, 2, Map.of("gridVoltageV", 231.0, "gridFrequencyHz", 49.55));
		this.harness.send(this.inverter, 3, Map.of("gridVoltageV", 231.0, "gridFrequencyHz", 50.0));
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::status).containsExactly(Status.RAISED, Status.CLEARED);
		assertThat(alerts.get(0).message()).isEqualTo("Grid frequency 49.20 Hz out of band");
	}

	@Test
	void raisesProductionDropWhenFarBelowTheClearSkyEstimateForFifteenMinutes() {
		// Clear sky at 58° elevation: about 880 W/m² -> 10 kWp * 0.88 * 0.8 = about 7 kW
		// expected
		for (int minute = 0; minute <= 15; minute += 5) {
			this.harness.send(this.inverter, minute * 60, Map.of("pvPowerW", 6500.0));
		}
		assertThat(this.harness.alerts()).isEmpty();
		for (int minute = 20; minute <= 35; minute += 5) {
			this.harness.send(this.inverter, minute * 60, Map.of("pvPowerW", 900.0));
		}
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.type()).isEqualTo(AlertType.PRODUCTION_DROP);
			assertThat(alert.startedAt()).isEqualTo(Harness.T0.plusSeconds(20 * 60));
			assertThat((Double) alert.details().get("expectedPowerW")).isBetween(6000.0, 7500.0);
		});
		this.harness.send(this.inverter, 40 * 60, Map.of("pvPowerW", 6000.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
	}

	@Test
	void raisesNoProductionDropAtNight() {
		for (int hour = 12; hour <= 14; hour++) {
			this.harness.send(this.inverter, hour * 3600, Map.of("pvPowerW", 0.0));
		}
		assertThat(this.harness.alerts()).isEmpty();
	}

}
