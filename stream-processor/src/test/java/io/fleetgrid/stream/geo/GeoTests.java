package io.fleetgrid.stream.geo;

import io.fleetgrid.contracts.event.GeoPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoTests {

	@Test
	void theSeriesForShortArcsAgreesWithMathAsinToTheLastBits() {
		for (double x = 0; x < 0.0101; x += 0.0000137) {
			double expected = Math.asin(x);
			assertThat(Geo.asin(x)).as("asin(%s)", x).isCloseTo(expected, within(2 * Math.ulp(expected)));
		}
		assertThat(Geo.asin(0.5)).isEqualTo(Math.asin(0.5));
		assertThat(Geo.asin(1)).isEqualTo(Math.PI / 2);
	}

	@Test
	void distancesAreGreatCircleMetresNearAndFar() {
		double metresPerDegree = Math.toRadians(1) * Geo.EARTH_RADIUS_M;
		assertThat(Geo.distanceM(new GeoPoint(52.0, 13.4), new GeoPoint(52.001, 13.4)))
			.isCloseTo(metresPerDegree / 1000, within(1e-6));
		assertThat(Geo.distanceM(new GeoPoint(10, 20), new GeoPoint(10, 20))).isZero();
		// Berlin to New York, about 6,385 km: beyond the series, through Math.asin
		assertThat(Geo.distanceM(new GeoPoint(52.52, 13.405), new GeoPoint(40.7128, -74.006))).isCloseTo(6_385_000,
				within(10_000.0));
		assertThat(Geo.distanceM(new GeoPoint(0, 0), new GeoPoint(0, 180))).isCloseTo(Math.PI * Geo.EARTH_RADIUS_M,
				within(1e-6));
	}

}
