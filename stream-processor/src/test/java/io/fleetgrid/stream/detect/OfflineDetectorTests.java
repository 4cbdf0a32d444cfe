package io.fleetgrid.stream.detect;

import java.time.Duration;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.event.Trip;
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

	@Test
	void aDeviceThatKeepsSendingIsNeverOfflineAlthoughItsPresenceIsRewrittenOnlyEvery30Seconds() {
		for (int minute = 0; minute < 25; minute++) {
			// an event every 20 s of wall clock: a presence write only every other event
			this.harness.send(this.car, minute * 60, Map.of("speedKph", 10.0));
			this.harness.advanceWallClock(Duration.ofSeconds(20));
			this.harness.send(this.car, minute * 60 + 20, Map.of("speedKph", 10.0));
			this.harness.advanceWallClock(Duration.ofSeconds(20));
			this.harness.send(this.car, minute * 60 + 40, Map.of("speedKph", 10.0));
			this.harness.advanceWallClock(Duration.ofSeconds(20));
		}
		assertThat(this.harness.alerts()).isEmpty();
		this.harness.advanceWallClock(Duration.ofMinutes(11));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type, AlertEvent::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.DEVICE_OFFLINE, Status.RAISED));
		this.harness.send(this.car, 60 * 40, Map.of("speedKph", 10.0));
		assertThat(this.harness.alerts()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
		// offline again after the next silence: the presence was rewritten by the event
		this.harness.advanceWallClock(Duration.ofMinutes(11));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type, AlertEvent::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AlertType.DEVICE_OFFLINE, Status.RAISED));
	}

	@Test
	void endsTheTripInProgressOfAVehicleThatGoesSilentAtItsLastMovement() {
		this.harness.send(this.car, 0, Map.of("speedKph", 50.0, "ignition", true, "lat", 52.50, "lon", 13.40));
		this.harness.send(this.car, 60, Map.of("speedKph", 60.0, "ignition", true, "lat", 52.51, "lon", 13.40));
		this.harness.send(this.car, 120, Map.of("speedKph", 0.0, "ignition", true, "lat", 52.51, "lon", 13.40));
		assertThat(this.harness.trips()).isEmpty();
		this.harness.advanceWallClock(Duration.ofMinutes(11));
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.DEVICE_OFFLINE);
		assertThat(this.harness.trips()).singleElement().satisfies((trip) -> {
			assertThat(trip.startedAt()).isEqualTo(Harness.T0);
			assertThat(trip.endedAt()).isEqualTo(Harness.T0.plusSeconds(60));
			assertThat(trip.endReason()).isEqualTo(Trip.EndReason.IDLE_GAP);
			assertThat(trip.maxSpeedKph()).isEqualTo(60.0);
		});
		// the returning vehicle starts a new trip; the old one is not emitted again
		this.harness.send(this.car, 60 * 30, Map.of("speedKph", 40.0, "ignition", true, "lat", 52.52, "lon", 13.40));
		this.harness.send(this.car, 60 * 31, Map.of("speedKph", 0.0, "ignition", false, "lat", 52.53, "lon", 13.40));
		assertThat(this.harness.trips()).singleElement()
			.satisfies((trip) -> assertThat(trip.startedAt()).isEqualTo(Harness.T0.plusSeconds(60 * 30)));
	}

}
