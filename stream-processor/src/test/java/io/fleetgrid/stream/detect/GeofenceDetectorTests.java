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
import io.fleetgrid.stream.topology.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class GeofenceDetectorTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	// A square depot of about 1.1 km x 0.7 km
	private final GeofenceSnapshot depot = new GeofenceSnapshot("depot", Harness.ACME, "Depot",
			Geometry.polygon(List.of(new GeoPoint(52.50, 13.40), new GeoPoint(52.50, 13.41), new GeoPoint(52.51, 13.41),
					new GeoPoint(52.51, 13.40), new GeoPoint(52.50, 13.40))),
			null, 600, List.of(), Harness.T0);

	@AfterEach
	void close() {
		this.harness.close();
	}

	private void at(double second, double lat, double lon) {
		this.harness.send(this.car, second, Map.of("lat", lat, "lon", lon));
	}

	@Test
	void raisesEnterAfterTwoPointsInsideAndExitAfterTwoPointsOutside() {
		this.harness.geofence(this.depot);
		at(0, 52.49, 13.405);
		at(10, 52.505, 13.405);
		assertThat(this.harness.alerts()).isEmpty();
		at(20, 52.506, 13.405);
		at(30, 52.52, 13.405);
		at(40, 52.52, 13.405);
		List<AlertEvent> alerts = this.harness.alerts();
		assertThat(alerts).extracting(AlertEvent::type, AlertEvent::status, AlertEvent::geofenceId)
			.containsExactly(tuple(AlertType.GEOFENCE_ENTER, Status.RAISED, "depot"),
					tuple(AlertType.GEOFENCE_ENTER, Status.CLEARED, "depot"),
					tuple(AlertType.GEOFENCE_EXIT, Status.RAISED, "depot"));
		assertThat(alerts.get(0).startedAt()).isEqualTo(Harness.T0.plusSeconds(10));
		assertThat(alerts.get(2).startedAt()).isEqualTo(Harness.T0.plusSeconds(30));
	}

	@Test
	void ignoresASingleJitteredPointAcrossTheBorder() {
		this.harness.geofence(this.depot);
		at(0, 52.505, 13.405);
		at(10, 52.505, 13.405);
		this.harness.alerts();
		at(20, 52.5101, 13.405);
		at(30, 52.5099, 13.405);
		at(40, 52.5101, 13.405);
		at(50, 52.5099, 13.405);
		assertThat(this.harness.alerts()).isEmpty();
	}

	@Test
	void raisesDwellAfterTheGeofencesDwellTime() {
		this.harness.geofence(this.depot);
		at(0, 52.505, 13.405);
		at(10, 52.505, 13.405);
		at(500, 52.505, 13.405);
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.GEOFENCE_ENTER);
		at(700, 52.505, 13.405);
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(GeofenceDetector.GEOFENCE_DWELL);
	}

	@Test
	void findsTheRightGeofenceAmongThousandsOfTheTenantAndIgnoresOtherTenantsAndGroups() {
		for (int i = 0; i < 2000; i++) {
			double lat = 48 + (i / 50) * 0.1;
			double lon = 8 + (i % 50) * 0.1;
			this.harness.geofence(new GeofenceSnapshot("g" + i, Harness.ACME, "G" + i,
					Geometry.circle(new GeoPoint(lat, lon), 300), null, null, List.of(), Harness.T0));
		}
		this.harness.geofence(new GeofenceSnapshot("other-tenant", Harness.GLOBEX, "Other",
				Geometry.circle(new GeoPoint(49.0, 9.0), 300), null, null, List.of(), Harness.T0));
		this.harness.geofence(new GeofenceSnapshot("other-group", Harness.ACME, "Other group",
				Geometry.circle(new GeoPoint(49.0, 9.0), 300), null, null, List.of("fleet-2"), Harness.T0));
		at(0, 49.0005, 9.0005);
		at(10, 49.0005, 9.0005);
		// 49.0/9.0 is circle i = 10 * 50 + 10
		assertThat(this.harness.alerts()).extracting(AlertEvent::geofenceId).containsExactly("g510");
	}

	@Test
	void clearsTheAlertsOfADeletedGeofence() {
		this.harness.geofence(this.depot);
		at(0, 52.505, 13.405);
		at(10, 52.505, 13.405);
		this.harness.alerts();
		this.harness.deleteGeofence("depot");
		at(20, 52.505, 13.405);
		assertThat(this.harness.alerts()).extracting(AlertEvent::type, AlertEvent::status)
			.containsExactly(tuple(AlertType.GEOFENCE_ENTER, Status.CLEARED));
	}

}
