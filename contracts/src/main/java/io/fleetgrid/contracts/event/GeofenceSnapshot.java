package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Geofence on the compacted {@code fleetgrid.geofences.v1} topic.
 *
 * @param geofenceId geofence id
 * @param tenantId owning tenant
 * @param name display name
 * @param geometry GeoJSON polygon, or a circle with {@code center} and {@code radiusM}
 * @param speedLimitKph optional zone speed limit
 * @param dwellSeconds optional dwell time
 * @param groupIds groups the geofence applies to (empty = all)
 * @param updatedAt last change
 */
public record GeofenceSnapshot(String geofenceId, String tenantId, String name, Map<String, Object> geometry,
		Double speedLimitKph, Integer dwellSeconds, List<String> groupIds, Instant updatedAt) {
}
