package io.fleetgrid.stream.detect;

import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverspeedDetectorTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	@AfterEach
	void close() {
		this.harness.close();
	}

	private void speed(double second, double kph) {
		this.harness.send(this.car, second, Map.of("speedKph", kph, "lat", 52.5, "lon", 13.4));
	}

	private List<AlertEvent> overspeed() {
		return this.harness.alerts().stream().filter((a) -> a.type().equals(AlertType.OVERSPEED)).toList();
	}

	@Test
	void raisesOverspeedOnlyAfterTheMinimumDurationAboveTheLimit() {
		speed(0, 130);
		speed(5, 131);
		assertThat(overspeed()).isEmpty();
		speed(10, 132);
		List<AlertEvent> alerts = overspeed();
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.status()).isEqualTo(Status.RAISED);
			assertThat(alert.version()).isEqualTo(1);
			assertThat(alert.startedAt()).isEqualTo(Harness.T0);
			assertThat(alert.details()).containsEntry("maxSpeedKph", 132.0).containsEntry("limitKph", 120.0);
			assertThat(alert.details()).containsKey("location");
		});
	}

	@Test
	void ignoresAShortBurstAboveTheLimit() {
		speed(0, 130);
		speed(5, 110);
		speed(20, 125);
		speed(25, 100);
		assertThat(overspeed()).isEmpty();
	}

	@Test
	void updatesWithTheMaximumSpeedAndClearsAfterStayingBelowLimitMinusHysteresis() {
		speed(0, 130);
		speed(10, 130);
		speed(11, 145);
		speed(12, 144);
		speed(13, 118);
		speed(14, 117);
		speed(20, 110);
		speed(25, 110);
		speed(30, 110);
		List<AlertEvent> alerts = overspeed();
		assertThat(alerts).extracting(AlertEvent::status)
			.containsExactly(Status.RAISED, Status.UPDATED, Status.CLEARED);
		assertThat(alerts).extracting(AlertEvent::version).containsExactly(1L, 2L, 3L);
		assertThat(alerts).extracting(AlertEvent::alertId).containsOnly(alerts.get(0).alertId());
		assertThat(alerts.get(1).details()).containsEntry("maxSpeedKph", 145.0);
		// 118 and 117 are within the 5 km/h hysteresis; the clear window starts at 20 s
		assertThat(alerts.get(2).endedAt()).isEqualTo(Harness.T0.plusSeconds(20));
		assertThat(alerts.get(2).ts()).isEqualTo(Harness.T0.plusSeconds(30));
	}

	@Test
	void appliesTheLowerZoneLimitInsideAGeofence() {
		this.harness.geofence(new GeofenceSnapshot("school", Harness.ACME, "School zone",
				Geometry.circle(new GeoPoint(52.5, 13.4), 500), 30.0, null, List.of(), Harness.T0));
		speed(0, 50);
		speed(5, 50);
		speed(10, 50);
		assertThat(overspeed()).singleElement().satisfies((alert) -> {
			assertThat(alert.details()).containsEntry("limitKph", 30.0).containsEntry("zoneGeofenceId", "school");
		});
	}

	@Test
	void usesTheRuleAfterARuleChangeMidStreamWithoutRestart() {
		speed(0, 100);
		speed(10, 100);
		assertThat(overspeed()).isEmpty();
		this.harness.rules(Harness.ACME, "fleet-1", new Thresholds(80.0, 0, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null));
		speed(11, 100);
		assertThat(overspeed()).singleElement().satisfies((alert) -> {
			assertThat(alert.status()).isEqualTo(Status.RAISED);
			assertThat(alert.details()).containsEntry("limitKph", 80.0);
		});
		this.harness.removeRules(Harness.ACME, "fleet-1");
		this.harness.rules(Harness.ACME, RuleSettings.TENANT_DEFAULTS, new Thresholds(150.0, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null));
		speed(12, 100);
		speed(30, 100);
		assertThat(overspeed()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
	}

	@Test
	void twoTenantsWithDifferentRules() {
		DeviceSnapshot other = this.harness.vehicle(Harness.GLOBEX, "veh-9", "fleet-1");
		this.harness.rules(Harness.GLOBEX, RuleSettings.TENANT_DEFAULTS, new Thresholds(90.0, 0, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null));
		speed(0, 100);
		this.harness.send(other, 0, Map.of("speedKph", 100.0));
		List<AlertEvent> alerts = overspeed();
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.tenantId()).isEqualTo(Harness.GLOBEX);
			assertThat(alert.deviceId()).isEqualTo("veh-9");
		});
	}

	@Test
	void duplicateAndOutOfOrderEventsDoNotRaiseTwice() {
		var first = this.harness.send(this.car, 0, Map.of("speedKph", 130.0));
		this.harness.send(this.car, 10, Map.of("speedKph", 130.0));
		this.harness.send(first);
		this.harness.send(this.car, 5, Map.of("speedKph", 60.0));
		this.harness.send(this.car, 11, Map.of("speedKph", 130.5));
		assertThat(overspeed()).extracting(AlertEvent::status).containsExactly(Status.RAISED);
		assertThat(this.harness.counter("fleetgrid.stream.events.dropped", "reason", "duplicate")).isEqualTo(1);
		assertThat(this.harness.counter("fleetgrid.stream.events.late")).isEqualTo(1);
	}

}
