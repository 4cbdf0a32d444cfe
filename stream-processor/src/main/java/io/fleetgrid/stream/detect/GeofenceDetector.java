package io.fleetgrid.stream.detect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.stream.detect.DeviceMemory.FenceState;

/**
 * {@code GEOFENCE_ENTER}, {@code GEOFENCE_EXIT} and {@code GEOFENCE_DWELL}, per geofence
 * (the geofence id is part of the alert's identity). Candidate geofences come from the
 * grid index, so the cost does not grow with the tenant's number of geofences.
 * <p>
 * A crossing counts only after {@code geofenceConfirmPoints} consecutive points on the
 * new side (hysteresis against GPS jitter at the border); it is dated at the first of
 * them. Entering raises ENTER (active while inside) and clears a previous EXIT; leaving
 * clears ENTER and DWELL and raises EXIT (active until the next entry). DWELL (a type
 * beyond the contract's list, allowed by the open {@link AlertType} set) is raised once
 * the device has been inside longer than the geofence's {@code dwellSeconds}. A deleted
 * geofence clears its alerts.
 */
public final class GeofenceDetector implements Detector {

	/** Dwell alert type. */
	public static final AlertType GEOFENCE_DWELL = AlertType.of("GEOFENCE_DWELL");

	@Override
	public void detect(Detection detection) {
		GeoPoint position = detection.position();
		if (position == null) {
			return;
		}
		Map<String, FenceState> fences = detection.memory().fences;
		Map<String, GeofenceSnapshot> inside = new LinkedHashMap<>();
		for (GeofenceSnapshot geofence : detection.geofences()) {
			inside.put(geofence.geofenceId(), geofence);
		}
		TreeSet<String> ids = new TreeSet<>(fences.keySet());
		ids.addAll(inside.keySet());
		for (String id : ids) {
			GeofenceSnapshot geofence = inside.containsKey(id) ? inside.get(id) : detection.geofenceIndex().get(id);
			if (geofence == null) {
				forget(detection, id);
				continue;
			}
			FenceState state = fences.computeIfAbsent(id, (key) -> new FenceState());
			boolean observed = inside.containsKey(id);
			if (observed == state.inside) {
				state.pending = 0;
				state.pendingSince = null;
				if (state.inside && geofence.dwellSeconds() != null
						&& Detection.seconds(state.insideSince, detection.ts()) >= geofence.dwellSeconds()) {
					detection.alerts()
						.raise(GEOFENCE_DWELL, id, state.insideSince, detection.ts(),
								"Inside " + geofence.name() + " for more than " + geofence.dwellSeconds() + " s",
								details(geofence, position));
				}
			}
			else {
				state.pending++;
				if (state.pendingSince == null) {
					state.pendingSince = detection.ts();
				}
				if (state.pending >= detection.settings().geofenceConfirmPoints()) {
					cross(detection, geofence, state, observed, position);
				}
			}
			if (!state.inside && state.pending == 0 && detection.alerts().active(AlertType.GEOFENCE_EXIT, id) == null) {
				fences.remove(id);
			}
		}
	}

	private static void cross(Detection detection, GeofenceSnapshot geofence, FenceState state, boolean entering,
			GeoPoint position) {
		String id = geofence.geofenceId();
		Instant at = state.pendingSince;
		state.inside = entering;
		state.pending = 0;
		state.pendingSince = null;
		String name = (geofence.name() != null) ? geofence.name() : id;
		if (entering) {
			state.insideSince = at;
			detection.alerts().clear(AlertType.GEOFENCE_EXIT, id, at, detection.ts(), null, null);
			detection.alerts()
				.raise(AlertType.GEOFENCE_ENTER, id, at, detection.ts(), "Entered " + name,
						details(geofence, position));
		}
		else {
			state.insideSince = null;
			detection.alerts().clear(AlertType.GEOFENCE_ENTER, id, at, detection.ts(), null, null);
			detection.alerts().clear(GEOFENCE_DWELL, id, at, detection.ts(), null, null);
			detection.alerts()
				.raise(AlertType.GEOFENCE_EXIT, id, at, detection.ts(), "Left " + name, details(geofence, position));
		}
	}

	private static void forget(Detection detection, String id) {
		detection.memory().fences.remove(id);
		for (AlertType type : new AlertType[] { AlertType.GEOFENCE_ENTER, AlertType.GEOFENCE_EXIT, GEOFENCE_DWELL }) {
			detection.alerts().clear(type, id, detection.ts(), detection.ts(), "Geofence deleted", null);
		}
	}

	private static Map<String, Object> details(GeofenceSnapshot geofence, GeoPoint position) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("geofenceId", geofence.geofenceId());
		if (geofence.name() != null) {
			details.put("geofenceName", geofence.name());
		}
		details.put("location", Map.of("lat", position.lat(), "lon", position.lon()));
		return details;
	}

}
