package io.fleetgrid.stream.geo;

import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * Douglas-Peucker line simplification with a tolerance in metres (distances in a local
 * equirectangular projection, fine for a vehicle route), iterative so that long routes do
 * not overflow the stack.
 */
public final class DouglasPeucker {

	private DouglasPeucker() {
	}

	/**
	 * The simplified line.
	 * @param points the line
	 * @param toleranceM points closer than this to the simplified line are dropped
	 * @return the kept points, first and last always included
	 */
	public static List<GeoPoint> simplify(List<GeoPoint> points, double toleranceM) {
		int n = points.size();
		if (n < 3) {
			return List.copyOf(points);
		}
		boolean[] keep = new boolean[n];
		keep[0] = true;
		keep[n - 1] = true;
		int[] stack = new int[2 * n];
		int top = 0;
		stack[top++] = 0;
		stack[top++] = n - 1;
		while (top > 0) {
			int last = stack[--top];
			int first = stack[--top];
			double maxDistance = -1;
			int index = -1;
			for (int i = first + 1; i < last; i++) {
				double d = offsetM(points.get(i), points.get(first), points.get(last));
				if (d > maxDistance) {
					maxDistance = d;
					index = i;
				}
			}
			if (index >= 0 && maxDistance > toleranceM) {
				keep[index] = true;
				stack[top++] = first;
				stack[top++] = index;
				stack[top++] = index;
				stack[top++] = last;
			}
		}
		List<GeoPoint> kept = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (keep[i]) {
				kept.add(points.get(i));
			}
		}
		return kept;
	}

	private static double offsetM(GeoPoint p, GeoPoint a, GeoPoint b) {
		double cos = Math.cos(Math.toRadians(a.lat()));
		double scale = Math.toRadians(1) * Geo.EARTH_RADIUS_M;
		double ax = 0;
		double ay = 0;
		double bx = (b.lon() - a.lon()) * cos * scale;
		double by = (b.lat() - a.lat()) * scale;
		double px = (p.lon() - a.lon()) * cos * scale;
		double py = (p.lat() - a.lat()) * scale;
		double dx = bx - ax;
		double dy = by - ay;
		double length2 = dx * dx + dy * dy;
		if (length2 == 0) {
			return Math.hypot(px, py);
		}
		double t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
		return Math.hypot(px - t * dx, py - t * dy);
	}

}
