package io.fleetgrid.device.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Shape;

/**
 * A geofence as the API shows it.
 *
 * @param id the id
 * @param name the name
 * @param shape POLYGON or CIRCLE
 * @param geometry the GeoJSON polygon, or null for a circle
 * @param center the circle's centre, or null
 * @param radiusM the circle's radius, or null
 * @param speedLimitKph speed limit, or null
 * @param dwellSeconds dwell time, or null
 * @param groupIds the groups
 * @param updatedAt last change
 */
public record GeofenceView(String id, String name, Shape shape, GeoJsonPolygon geometry, GeoPoint center,
		Double radiusM, Double speedLimitKph, Integer dwellSeconds, List<String> groupIds, Instant updatedAt) {

	static GeofenceView of(GeofenceSnapshot snapshot) {
		GeoJsonPolygon polygon = null;
		if (snapshot.geometry().shape() == Shape.POLYGON) {
			List<List<Double>> ring = new ArrayList<>();
			for (GeoPoint point : snapshot.geometry().polygon()) {
				ring.add(List.of(point.lon(), point.lat()));
			}
			polygon = new GeoJsonPolygon("Polygon", List.of(ring));
		}
		return new GeofenceView(snapshot.geofenceId(), snapshot.name(), snapshot.geometry().shape(), polygon,
				snapshot.geometry().center(), snapshot.geometry().radiusM(), snapshot.speedLimitKph(),
				snapshot.dwellSeconds(), snapshot.groupIds(), snapshot.updatedAt());
	}

}
