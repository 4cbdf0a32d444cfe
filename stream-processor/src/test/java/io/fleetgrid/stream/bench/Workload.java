package io.fleetgrid.stream.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;

/**
 * The synthetic fleet of one benchmark shape: one tenant, {@code devices} vehicles in
 * group {@code fleet-1} spread over 1° × 1° around Berlin, {@code geofences} circles of
 * 300 m on a 0.01° grid over the same area (every fourth with a 50 km/h zone limit), the
 * tenant's rules at the platform defaults. Event {@code i} of the stream belongs to
 * device {@code i % devices} (round robin, so every device's events are in order) and is
 * the device's {@code n = i / devices}-th point; the cycles below are offset by the
 * device number, so that every stretch of the stream has alert steps: speed cycles 60…139
 * km/h (OVERSPEED raised, updated and cleared), every 20th point brakes at 6 m/s²
 * (HARSH_BRAKING raised and cleared), the ignition is off for 10 of every 600 points
 * (trips end), the vehicle moves north 0.0002° (22 m) per point. One alert step per 5 to
 * 10 events, depending on the time between a device's points.
 *
 * @param tenantId tenant of the shape
 * @param devices number of vehicles
 * @param geofences number of geofences of the tenant
 */
record Workload(String tenantId, int devices, int geofences) {

	static final String GROUP = "fleet-1";

	String deviceId(int d) {
		return this.tenantId + "-d" + d;
	}

	List<DeviceSnapshot> deviceSnapshots(Instant now) {
		List<DeviceSnapshot> list = new ArrayList<>(this.devices);
		for (int d = 0; d < this.devices; d++) {
			list.add(new DeviceSnapshot(deviceId(d), this.tenantId, DeviceType.VEHICLE, "v" + d, GROUP, List.of(),
					List.of(), true, null, null, now, now));
		}
		return list;
	}

	List<GeofenceSnapshot> geofenceSnapshots(Instant now) {
		List<GeofenceSnapshot> list = new ArrayList<>(this.geofences);
		for (int g = 0; g < this.geofences; g++) {
			GeoPoint center = new GeoPoint(52.005 + (g % 100) * 0.01, 13.005 + (g / 100 % 100) * 0.01);
			list.add(new GeofenceSnapshot(this.tenantId + "-g" + g, this.tenantId, "zone " + g,
					Geometry.circle(center, 300), (g % 4 == 0) ? 50.0 : null, null, List.of(), now));
		}
		return list;
	}

	List<RuleSettings> rules(Instant now) {
		return List.of(new RuleSettings(this.tenantId, RuleSettings.TENANT_DEFAULTS, Thresholds.NONE, now),
				new RuleSettings(this.tenantId, GROUP, Thresholds.NONE, now));
	}

	/**
	 * The JSON of event {@code i} (the {@code fleetgrid.telemetry.v1} contract, written
	 * by hand so that the generator spends little CPU per event).
	 * @param i index in the stream
	 * @param tsMs event time (also receivedAt)
	 * @return key and value
	 */
	byte[] event(long i, long tsMs) {
		int d = (int) (i % this.devices);
		long n = i / this.devices;
		String ts = Instant.ofEpochMilli(tsMs).toString();
		// the cycles are staggered by device, so that any window of the stream has alerts
		long phase = n + d;
		boolean ignition = (phase % 600) < 590;
		double speed = ignition ? 60 + (phase % 80) : 0;
		double accel = (phase % 20 == 19) ? -6.0 : 0.3;
		double lat = 52 + (d % 1000) * 0.001 + (n % 500) * 0.0002;
		double lon = 13 + (d / 1000 % 100) * 0.01;
		String json = String.format(Locale.ROOT,
				"{\"deviceId\":\"%s\",\"tenantId\":\"%s\",\"deviceType\":\"VEHICLE\",\"ts\":\"%s\",\"seq\":%d,"
						+ "\"receivedAt\":\"%s\",\"metrics\":{\"speedKph\":%.1f,\"lat\":%.5f,\"lon\":%.5f,"
						+ "\"headingDeg\":0.0,\"ignition\":%b,\"coolantTempC\":90.0,\"fuelLevelPct\":%.1f,"
						+ "\"odometerKm\":%.2f,\"engineRpm\":%.1f,\"accelMps2\":%.1f}}",
				deviceId(d), this.tenantId, ts, n, ts, speed, lat, lon, ignition, 50 - (n % 400) * 0.1, 1000 + n * 0.01,
				ignition ? 2000.0 : 0.0, accel);
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
