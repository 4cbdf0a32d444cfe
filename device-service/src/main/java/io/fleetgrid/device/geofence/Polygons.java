package io.fleetgrid.device.geofence;

import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * Geometry checks of a polygon ring.
 * <p>
 * A ring is simple when no two edges meet except adjacent edges at their shared vertex.
 * {@link #firstSelfIntersection} compares every pair of non-adjacent edges (O(n²); with n
 * ≤ 1,000 that is at most half a million cheap orientation tests, well under a
 * millisecond or two) and also catches adjacent edges that fold back onto each other.
 * Coordinates are treated as planar (lon = x, lat = y), which is what the geofence
 * detector does too; rings crossing the antimeridian are not supported.
 */
final class Polygons {

	private Polygons() {
	}

	/**
	 * The first pair of edges that intersect, or null if the ring is simple.
	 * @param ring the closed ring (last point equals the first)
	 * @return {@code [i, j]}: edge i (from point i to i+1) meets edge j, or null
	 */
	static int[] firstSelfIntersection(List<GeoPoint> ring) {
		int edges = ring.size() - 1;
		for (int i = 0; i < edges; i++) {
			GeoPoint a = ring.get(i);
			GeoPoint b = ring.get(i + 1);
			for (int j = i + 1; j < edges; j++) {
				GeoPoint c = ring.get(j);
				GeoPoint d = ring.get(j + 1);
				boolean adjacent = (j == i + 1) || (i == 0 && j == edges - 1);
				if (adjacent) {
					if (foldsBack(a, b, c, d, j == i + 1)) {
						return new int[] { i, j };
					}
				}
				else if (intersect(a, b, c, d)) {
					return new int[] { i, j };
				}
			}
		}
		return null;
	}

	/**
	 * Whether two adjacent edges overlap along a line (a spike), beyond their shared
	 * vertex.
	 */
	private static boolean foldsBack(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d, boolean sharedIsB) {
		// Edges a-b and c-d share b == c (sharedIsB) or a == d (first and last edge).
		GeoPoint shared = sharedIsB ? b : a;
		GeoPoint p = sharedIsB ? a : b;
		GeoPoint q = sharedIsB ? d : c;
		if (orientation(shared, p, q) != 0) {
			return false;
		}
		// Collinear: they overlap if p and q lie on the same side of the shared vertex.
		double dot = (p.lon() - shared.lon()) * (q.lon() - shared.lon())
				+ (p.lat() - shared.lat()) * (q.lat() - shared.lat());
		return dot > 0;
	}

	/** Whether segments a-b and c-d have a point in common. */
	static boolean intersect(GeoPoint a, GeoPoint b, GeoPoint c, GeoPoint d) {
		int o1 = orientation(a, b, c);
		int o2 = orientation(a, b, d);
		int o3 = orientation(c, d, a);
		int o4 = orientation(c, d, b);
		if (o1 != o2 && o3 != o4) {
			return true;
		}
		return (o1 == 0 && onSegment(a, c, b)) || (o2 == 0 && onSegment(a, d, b)) || (o3 == 0 && onSegment(c, a, d))
				|| (o4 == 0 && onSegment(c, b, d));
	}

	/**
	 * Sign of the cross product (b - a) x (c - a): 1 counter-clockwise, -1 clockwise, 0
	 * collinear.
	 */
	private static int orientation(GeoPoint a, GeoPoint b, GeoPoint c) {
		double cross = (b.lon() - a.lon()) * (c.lat() - a.lat()) - (b.lat() - a.lat()) * (c.lon() - a.lon());
		return (int) Math.signum(cross);
	}

	/** Whether q, collinear with p and r, lies within their bounding box. */
	private static boolean onSegment(GeoPoint p, GeoPoint q, GeoPoint r) {
		return q.lon() <= Math.max(p.lon(), r.lon()) && q.lon() >= Math.min(p.lon(), r.lon())
				&& q.lat() <= Math.max(p.lat(), r.lat()) && q.lat() >= Math.min(p.lat(), r.lat());
	}

	/**
	 * Twice the signed area (shoelace), to reject degenerate rings.
	 * @param ring the closed ring
	 * @return twice the signed area in square degrees
	 */
	static double doubleArea(List<GeoPoint> ring) {
		double sum = 0;
		for (int i = 0; i < ring.size() - 1; i++) {
			sum += ring.get(i).lon() * ring.get(i + 1).lat() - ring.get(i + 1).lon() * ring.get(i).lat();
		}
		return sum;
	}

}
