package io.fleetgrid.stream.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;

/**
 * {@code OVERSPEED}: speed above the applicable limit — the lowest zone limit of the
 * geofences the vehicle is in, otherwise the group's {@code speedLimitKph} — for at least
 * {@code overspeedMinSeconds}. RAISED once (startedAt = first point above the limit),
 * UPDATED whenever the episode's top speed grows by at least 1 km/h, CLEARED once the
 * speed has stayed below limit minus {@code overspeedHysteresisKph} for
 * {@code overspeedClearSeconds} (endedAt = first point below). Details: max speed, limit,
 * zone, location.
 */
public final class OverspeedDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		OptionalDouble found = detection.number("speedKph");
		if (found.isEmpty()) {
			return;
		}
		double speed = found.getAsDouble();
		DeviceMemory memory = detection.memory();
		GeofenceSnapshot zone = null;
		double limit = detection.thresholds().speedLimitKph();
		for (GeofenceSnapshot geofence : detection.geofences()) {
			if (geofence.speedLimitKph() != null && (zone == null || geofence.speedLimitKph() < limit)) {
				zone = geofence;
				limit = geofence.speedLimitKph();
			}
		}
		boolean active = detection.alerts().active(AlertType.OVERSPEED, null) != null;
		if (speed > limit) {
			memory.overspeedBelowSince = null;
			if (memory.overspeedAboveSince == null) {
				memory.overspeedAboveSince = detection.ts();
				memory.overspeedMaxKph = speed;
			}
			double previousMax = memory.overspeedMaxKph;
			memory.overspeedMaxKph = Math.max(previousMax, speed);
			if (!active) {
				if (Detection.seconds(memory.overspeedAboveSince, detection.ts()) >= detection.thresholds()
					.overspeedMinSeconds()) {
					detection.alerts()
						.raise(AlertType.OVERSPEED, null, memory.overspeedAboveSince, detection.ts(),
								message(memory.overspeedMaxKph, limit),
								details(detection, memory.overspeedMaxKph, limit, zone));
				}
			}
			else if (speed >= previousMax + 1) {
				detection.alerts()
					.update(AlertType.OVERSPEED, null, detection.ts(), message(speed, limit),
							details(detection, speed, limit, zone));
			}
			return;
		}
		if (!active) {
			memory.overspeedAboveSince = null;
			memory.overspeedMaxKph = null;
			return;
		}
		if (speed < limit - detection.settings().overspeedHysteresisKph()) {
			if (memory.overspeedBelowSince == null) {
				memory.overspeedBelowSince = detection.ts();
			}
			if (Detection.seconds(memory.overspeedBelowSince, detection.ts()) >= detection.settings()
				.overspeedClearSeconds()) {
				detection.alerts()
					.clear(AlertType.OVERSPEED, null, memory.overspeedBelowSince, detection.ts(), null, null);
				memory.overspeedAboveSince = null;
				memory.overspeedMaxKph = null;
				memory.overspeedBelowSince = null;
			}
		}
		else {
			memory.overspeedBelowSince = null;
		}
	}

	private static String message(double speed, double limit) {
		return String.format(Locale.ROOT, "Speed %.0f km/h above the limit of %.0f km/h", speed, limit);
	}

	private static Map<String, Object> details(Detection detection, double maxSpeed, double limit,
			GeofenceSnapshot zone) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("maxSpeedKph", maxSpeed);
		details.put("limitKph", limit);
		if (zone != null) {
			details.put("zoneGeofenceId", zone.geofenceId());
			details.put("zoneName", zone.name());
		}
		GeoPoint position = detection.position();
		if (position != null) {
			details.put("location", Map.of("lat", position.lat(), "lon", position.lon()));
		}
		return details;
	}

}
