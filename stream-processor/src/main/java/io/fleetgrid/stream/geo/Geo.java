package io.fleetgrid.stream.geo;

import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Shape;

/**
 * Distances and containment on the WGS 84 sphere approximation (mean earth radius);
 * polygon containment is planar in (lon, lat), which is exact enough for geofences of a
 * few kilometres away from the poles and the antimeridian.
 */
public final class Geo {

	/** Mean earth radius in metres. */
	public static final double EARTH_RADIUS_M = 6_371_008.8;

	private static final double SERIES_LIMIT = 0.01;

	private Geo() {
	}

	/**
	 * Great-circle distance.
	 * @param a one point
	 * @param b other point
	 * @return metres
	 */
	public static double distanceM(GeoPoint a, GeoPoint b) {
		double lat1 = Math.toRadians(a.lat());
		double lat2 = Math.toRadians(b.lat());
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(b.lon() - a.lon());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * asin(Math.min(1, Math.sqrt(h)));
	}

	/**
	 * {@link Math#asin} for {@code 0 <= x <= 1}: below {@value #SERIES_LIMIT} (arcs up to
	 * about 127 km, nearly every distance between consecutive points or to a circle's
	 * centre) by its Taylor series, whose first left-out term is under 10⁻¹⁹ of the
	 * result; {@code Math.asin} has no intrinsic and was several percent of the CPU per
	 * event.
	 */
	static double asin(double x) {
		if (x >= SERIES_LIMIT) {
			return Math.asin(x);
		}
		double x2 = x * x;
		return x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (15.0 / 336))));
	}

	/**
	 * Whether a geometry contains a point (a point on a polygon edge may count either
	 * way).
	 * @param geometry polygon or circle
	 * @param point the point
	 * @return true if inside
	 */
	public static boolean contains(Geometry geometry, GeoPoint point) {
		if (geometry.shape() == Shape.CIRCLE) {
			return distanceM(geometry.center(), point) <= geometry.radiusM();
		}
		return inRing(geometry.polygon(), point);
	}

	private static boolean inRing(List<GeoPoint> ring, GeoPoint point) {
		boolean inside = false;
		double x = point.lon();
		double y = point.lat();
		for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
			GeoPoint pi = ring.get(i);
			GeoPoint pj = ring.get(j);
			if ((pi.lat() > y) != (pj.lat() > y)
					&& x < (pj.lon() - pi.lon()) * (y - pi.lat()) / (pj.lat() - pi.lat()) + pi.lon()) {
				inside = !inside;
			}
		}
		return inside;
	}

	/**
	 * The bounding box of a geometry.
	 * @param geometry polygon or circle
	 * @return {minLat, minLon, maxLat, maxLon}
	 */
	public static double[] bounds(Geometry geometry) {
		if (geometry.shape() == Shape.CIRCLE) {
			double dLat = Math.toDegrees(geometry.radiusM() / EARTH_RADIUS_M);
			double cos = Math.max(0.01, Math.cos(Math.toRadians(geometry.center().lat())));
			double dLon = dLat / cos;
			return new double[] { geometry.center().lat() - dLat, geometry.center().lon() - dLon,
					geometry.center().lat() + dLat, geometry.center().lon() + dLon };
		}
		double[] box = { 90, 180, -90, -180 };
		for (GeoPoint p : geometry.polygon()) {
			box[0] = Math.min(box[0], p.lat());
			box[1] = Math.min(box[1], p.lon());
			box[2] = Math.max(box[2], p.lat());
			box[3] = Math.max(box[3], p.lon());
		}
		return box;
	}

}
