package io.fleetgrid.contracts.event;

/**
 * A WGS 84 position, written as {@code {"lat": 52.52, "lon": 13.405}}.
 *
 * @param lat latitude in degrees, [-90, 90]
 * @param lon longitude in degrees, [-180, 180]
 */
public record GeoPoint(double lat, double lon) {

	public GeoPoint {
		if (!(lat >= -90 && lat <= 90)) {
			throw new IllegalArgumentException("lat must be within [-90, 90]: " + lat);
		}
		if (!(lon >= -180 && lon <= 180)) {
			throw new IllegalArgumentException("lon must be within [-180, 180]: " + lon);
		}
	}

}
