package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;

/**
 * One realistic, fully populated instance of every event record, for round-trip and
 * contract tests.
 */
public final class SampleEvents {

	public static final Instant TS = Instant.parse("2026-11-23T10:15:30.123Z");

	public static final Instant RECEIVED = Instant.parse("2026-11-23T10:15:30.456789Z");

	private SampleEvents() {
	}

	public static TelemetryEvent telemetry() {
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("speedKph", 87.5);
		metrics.put("lat", 52.52);
		metrics.put("lon", 13.405);
		metrics.put("ignition", true);
		metrics.put("engineRpm", 2400L);
		metrics.put("dtcCodes", List.of("P0301", "P0420"));
		metrics.put("firmware", "4.2.1");
		return new TelemetryEvent("veh-0001", "demo", DeviceType.VEHICLE, TS, 1842L, RECEIVED, metrics);
	}

	public static DeadLetter deadLetter() {
		return new DeadLetter("veh-0001", "demo", "ingest-mqtt", "1 invalid event",
				List.of("events[0] metrics.speedKph: 512.0 is above the maximum 400"), RECEIVED,
				"{\"ts\":\"2026-11-23T10:15:30Z\",\"metrics\":{\"speedKph\":512.0}}", 56);
	}

	public static DeviceSnapshot vehicle() {
		return new DeviceSnapshot("veh-0001", "demo", DeviceType.VEHICLE, "Van 1", "fleet-berlin",
				List.of("diesel", "van"), List.of("user-7"), true,
				new DeviceSnapshot.VehicleProfile("WVWZZZ1JZXW000001", "B-FG 1001", "Volkswagen", "Crafter", 2023,
						"DIESEL", 1200.0, 30000, 12, LocalDate.of(2026, 3, 14), 41000.0),
				null, Instant.parse("2026-01-05T08:00:00Z"), TS);
	}

	public static DeviceSnapshot inverter() {
		return new DeviceSnapshot("inv-0001", "demo", DeviceType.INVERTER, "Roof A", "site-potsdam", List.of(),
				List.of(), false, null,
				new DeviceSnapshot.EnergyProfile("SN-77", "Fronius", "Symo 10", 10.0, 12.4, null,
						new GeoPoint(52.39, 13.06), ZoneId.of("Europe/Berlin")),
				Instant.parse("2026-01-05T08:00:00Z"), TS);
	}

	public static GeofenceSnapshot geofence() {
		return new GeofenceSnapshot("gf-1", "demo", "Depot",
				Geometry.polygon(List.of(new GeoPoint(52.50, 13.40), new GeoPoint(52.50, 13.41),
						new GeoPoint(52.51, 13.41), new GeoPoint(52.50, 13.40))),
				30.0, 600, List.of("fleet-berlin"), TS);
	}

	public static GeofenceSnapshot circularGeofence() {
		return new GeofenceSnapshot("gf-2", "demo", "School", Geometry.circle(new GeoPoint(52.52, 13.405), 250), 30.0,
				null, List.of(), TS);
	}

	public static RuleSettings ruleSettings() {
		return new RuleSettings("demo", "fleet-berlin", new RuleSettings.Thresholds(90.0, 15, 4.0, null, 105.0, null,
				200.0, 12.5, 20, null, null, null, 210.0, 250.0, null, null), TS);
	}

	public static AlertEvent alert() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("maxSpeedKph", 112.5);
		details.put("limitKph", 90L);
		details.put("location", Map.of("lat", 52.52, "lon", 13.405));
		details.put("suggestions", List.of("slow down"));
		return new AlertEvent("al-1", "demo", "veh-0001", "fleet-berlin", AlertType.OVERSPEED, Severity.WARNING,
				Status.UPDATED, null, Instant.parse("2026-11-23T10:14:00Z"), null, TS, 2,
				"Speed 112.5 km/h above the limit of 90 km/h", details, null);
	}

	public static AlertEvent acknowledgedAlert() {
		return alert().acknowledge("user-7", RECEIVED, "driver called");
	}

	public static DeviceState deviceState() {
		return new DeviceState("veh-0001", "demo", DeviceType.VEHICLE, TS, new GeoPoint(52.52, 13.405), 87.5, 270.0,
				true, 54.0, null, null, List.of(AlertType.OVERSPEED, AlertType.of("CARGO_DOOR_OPEN")),
				Map.of("speedKph", 87.5, "ignition", true), RECEIVED);
	}

	public static Rollup rollup() {
		Instant start = Instant.parse("2026-11-23T10:15:00Z");
		return new Rollup("veh-0001", "demo", Rollup.Resolution.MINUTE, start, start.plusSeconds(60), 12, 1.4, 84.0,
				92.5, null, null, 91.0, null, Map.of("speedKph", new Rollup.MetricStats(12, 70.0, 92.5, 1008.0, 88.0),
						"engineRpm", new Rollup.MetricStats(12, 2000, 2600, 27600, 2400)));
	}

	public static Trip trip() {
		return new Trip("trip-1", "veh-0001", "demo", Instant.parse("2026-11-23T08:00:00Z"), TS,
				new GeoPoint(52.50, 13.40), new GeoPoint(52.52, 13.405), 42.7, 112.5, 48.3, 2, 1, 1,
				Trip.EndReason.IGNITION_OFF,
				List.of(new GeoPoint(52.50, 13.40), new GeoPoint(52.51, 13.402), new GeoPoint(52.52, 13.405)));
	}

	public static NotificationOutcome notification() {
		return new NotificationOutcome("n-1", "al-1", 2, "demo", NotificationOutcome.Channel.WEBHOOK, "wh-3",
				NotificationOutcome.DeliveryStatus.PENDING, 2, "HTTP 503, retrying in 4 s", TS);
	}

	public static AuditEvent audit() {
		return new AuditEvent("au-1", "demo", "admin@demo.local", "DEVICE_DEACTIVATED", "veh-0001",
				AuditEvent.Outcome.SUCCESS, TS, "device-service", "4bf92f3577b34da6a3ce929d0e0e4736",
				Map.of("ip", "10.0.0.7"));
	}

	public static TenantSnapshot tenant() {
		return new TenantSnapshot("demo", "Demo Fleet", TenantSnapshot.Status.SUSPENDED, TS);
	}

	public static LogEvent log() {
		return new LogEvent(TS, "ingest-service", "ingest-1", "WARN", "io.fleetgrid.ingest.HttpIngest", "http-nio-1",
				"rejected batch", "java.lang.IllegalStateException: x\n\tat a.b(C.java:1)",
				"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "demo", "veh-0001");
	}

}
