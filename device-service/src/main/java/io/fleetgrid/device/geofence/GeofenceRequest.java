package io.fleetgrid.device.geofence;

import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * Body of {@code POST /api/v1/geofences} and {@code PUT /api/v1/geofences/{id}}: either
 * {@code geometry} (a GeoJSON polygon) or {@code center} and {@code radiusM} (a circle).
 *
 * @param name display name
 * @param geometry a GeoJSON polygon, or null for a circle
 * @param center the circle's centre, or null for a polygon
 * @param radiusM the circle's radius in metres, or null for a polygon
 * @param speedLimitKph speed limit inside the zone, or null
 * @param dwellSeconds longest stay inside before a dwell alert, or null
 * @param groupIds groups it applies to; empty or null means every group
 */
public record GeofenceRequest(String name, GeoJsonPolygon geometry, GeoPoint center, Double radiusM,
		Double speedLimitKph, Integer dwellSeconds, List<String> groupIds) {

}
