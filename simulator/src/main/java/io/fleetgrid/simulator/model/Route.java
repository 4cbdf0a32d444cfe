package io.fleetgrid.simulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A closed road-like route around a city centre: a loop of straight segments on a
 * Manhattan-style grid (alternating east-west and north-south legs), each with a speed
 * limit (urban streets 50 km/h, arterial roads 80 km/h, an occasional 100 km/h bypass).
 */
public final class Route {

	private static final double EARTH_RADIUS_M = 6_371_000;

	private final List<double[]> points;

	private final List<Double> limits;

	private final double[] cumulative;

	private Route(List<double[]> points, List<Double> limits) {
		this.points = points;
		this.limits = limits;
		this.cumulative = new double[points.size()];
		for (int i = 1; i < points.size(); i++) {
			this.cumulative[i] = this.cumulative[i - 1] + distanceM(points.get(i - 1), points.get(i));
		}
	}

	/**
	 * A random loop around a centre.
	 * @param random the random source
	 * @param centerLat latitude of the city centre
	 * @param centerLon longitude of the city centre
	 * @param radiusM rough size of the area
	 * @return the route
	 */
	public static Route around(RandomGenerator random, double centerLat, double centerLon, double radiusM) {
		List<double[]> points = new ArrayList<>();
		List<Double> limits = new ArrayList<>();
		double lat = centerLat + offsetDeg(random, radiusM);
		double lon = centerLon + offsetDeg(random, radiusM) / Math.cos(Math.toRadians(centerLat));
		points.add(new double[] { lat, lon });
		int legs = 8 + random.nextInt(8);
		for (int i = 0; i < legs; i++) {
			double lengthM = 300 + random.nextDouble() * radiusM / 2;
			double sign = (random.nextBoolean() ? 1 : -1);
			// Pull back towards the centre so the route stays in the city.
			if (i % 2 == 0) {
				sign = (lon > centerLon) ? -Math.abs(sign) : Math.abs(sign);
				lon += sign * metresToDeg(lengthM) / Math.cos(Math.toRadians(lat));
			}
			else {
				sign = (lat > centerLat) ? -Math.abs(sign) : Math.abs(sign);
				lat += sign * metresToDeg(lengthM);
			}
			points.add(new double[] { lat, lon });
			double roll = random.nextDouble();
			limits.add((roll < 0.6) ? 50.0 : (roll < 0.9) ? 80.0 : 100.0);
		}
		points.add(points.get(0));
		limits.add(50.0);
		return new Route(points, limits);
	}

	/**
	 * Length of one loop.
	 * @return metres
	 */
	public double lengthM() {
		return this.cumulative[this.cumulative.length - 1];
	}

	/**
	 * Where a distance along the loop lies.
	 * @param distanceM distance from the start (wraps around)
	 * @return latitude, longitude, heading in degrees and speed limit in km/h
	 */
	public double[] locate(double distanceM) {
		double d = distanceM % lengthM();
		int segment = 0;
		while (segment < this.cumulative.length - 2 && this.cumulative[segment + 1] < d) {
			segment++;
		}
		double[] from = this.points.get(segment);
		double[] to = this.points.get(segment + 1);
		double segmentLength = this.cumulative[segment + 1] - this.cumulative[segment];
		double fraction = (segmentLength > 0) ? (d - this.cumulative[segment]) / segmentLength : 0;
		double lat = from[0] + (to[0] - from[0]) * fraction;
		double lon = from[1] + (to[1] - from[1]) * fraction;
		double heading = Math
			.toDegrees(Math.atan2((to[1] - from[1]) * Math.cos(Math.toRadians(from[0])), to[0] - from[0]));
		return new double[] { lat, lon, (heading + 360) % 360, this.limits.get(segment) };
	}

	private static double offsetDeg(RandomGenerator random, double radiusM) {
		return metresToDeg((random.nextDouble() * 2 - 1) * radiusM / 2);
	}

	private static double metresToDeg(double metres) {
		return Math.toDegrees(metres / EARTH_RADIUS_M);
	}

	static double distanceM(double[] a, double[] b) {
		double dLat = Math.toRadians(b[0] - a[0]);
		double dLon = Math.toRadians(b[1] - a[1]);
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a[0]))
				* Math.cos(Math.toRadians(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
	}

}
