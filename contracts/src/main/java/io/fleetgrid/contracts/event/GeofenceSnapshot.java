package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * Geofence on the compacted {@code fleetgrid.geofences.v1} topic (key geofenceId); a
 * tombstone (null value) means it was deleted.
 *
 * @param geofenceId geofence id
 * @param tenantId owning tenant
 * @param name display name
 * @param geometry the zone: a polygon or a circle
 * @param speedLimitKph speed limit inside the zone, or null
 * @param dwellSeconds how long a device may stay inside before a dwell alert, or null
 * @param groupIds groups the geofence applies to; empty means every group of the tenant
 * @param updatedAt last change
 */
public record GeofenceSnapshot(String geofenceId, String tenantId, String name, Geometry geometry, Double speedLimitKph,
		Integer dwellSeconds, List<String> groupIds, Instant updatedAt) {

	public GeofenceSnapshot {
		Fields.requiredText(geofenceId, "geofenceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(geometry, "geometry");
		Fields.required(updatedAt, "updatedAt");
		Fields.nonNegative(speedLimitKph, "speedLimitKph");
		Fields.nonNegative(dwellSeconds, "dwellSeconds");
		groupIds = Fields.list(groupIds, "groupIds");
	}

	/**
	 * The area of a geofence: either a polygon (its outer ring, closed: the last point
	 * equals the first) or a circle. Written as
	 * {@code {"shape":"POLYGON","polygon":[...]}} or
	 * {@code {"shape":"CIRCLE","center":{...},"radiusM":250.0}}.
	 *
	 * @param shape POLYGON or CIRCLE
	 * @param polygon the closed outer ring (at least 4 points), only for POLYGON
	 * @param center the centre, only for CIRCLE
	 * @param radiusM the radius in metres (positive), only for CIRCLE
	 */
	public record Geometry(Shape shape, List<GeoPoint> polygon, GeoPoint center, Double radiusM) {

		public Geometry {
			Fields.required(shape, "shape");
			if (shape == Shape.POLYGON) {
				polygon = Fields.list(polygon, "polygon");
				if (polygon.size() < 4) {
					throw new IllegalArgumentException(
							"a polygon ring needs at least 4 points (3 corners and the closing point), got "
									+ polygon.size());
				}
				if (!polygon.get(0).equals(polygon.get(polygon.size() - 1))) {
					throw new IllegalArgumentException(
							"a polygon ring must be closed: its last point must equal the first");
				}
				if (center != null || radiusM != null) {
					throw new IllegalArgumentException("a polygon has no center or radiusM");
				}
			}
			else {
				Fields.required(center, "center");
				if (radiusM == null || !(radiusM > 0) || radiusM.isInfinite()) {
					throw new IllegalArgumentException("a circle needs a positive radiusM: " + radiusM);
				}
				if (polygon != null && !polygon.isEmpty()) {
					throw new IllegalArgumentException("a circle has no polygon");
				}
				polygon = List.of();
			}
		}

		/**
		 * A polygon geometry.
		 * @param ring the closed outer ring
		 * @return the geometry
		 */
		public static Geometry polygon(List<GeoPoint> ring) {
			return new Geometry(Shape.POLYGON, ring, null, null);
		}

		/**
		 * A circle geometry.
		 * @param center the centre
		 * @param radiusM the radius in metres
		 * @return the geometry
		 */
		public static Geometry circle(GeoPoint center, double radiusM) {
			return new Geometry(Shape.CIRCLE, null, center, radiusM);
		}

	}

	/** The shape of a geofence. */
	public enum Shape {

		/** A polygon given by its outer ring. */
		POLYGON,
		/** A circle given by centre and radius. */
		CIRCLE

	}

}
