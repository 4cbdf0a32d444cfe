package io.fleetgrid.device.geofence;

import java.util.List;

/**
 * A GeoJSON Polygon geometry (RFC 7946): {@code {"type": "Polygon", "coordinates":
 * [[[lon, lat], ...]]}}. Only the outer ring is supported (no holes).
 *
 * @param type must be {@code Polygon}
 * @param coordinates the rings; positions are {@code [longitude, latitude]}
 */
public record GeoJsonPolygon(String type, List<List<List<Double>>> coordinates) {

}
