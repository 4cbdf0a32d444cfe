package io.fleetgrid.stream.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.fleetgrid.contracts.event.GeoPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EncodedRouteTests {

	@Test
	void anEncodedRouteWritesTheSameBytesAsAListOfTheSamePoints() throws IOException {
		Random random = new Random(7);
		List<GeoPoint> points = new ArrayList<>();
		EncodedRoute route = new EncodedRoute();
		double lat = -33.9;
		double lon = 151.2;
		for (int i = 0; i < 500; i++) {
			// steps from centimetres to hundreds of kilometres, both signs, odd decimals
			double scale = Math.pow(10, random.nextInt(7) - 6);
			lat = Math.max(-90, Math.min(90, lat + random.nextGaussian() * scale * 10));
			lon = Math.max(-180, Math.min(180, lon + random.nextGaussian() * scale * 10));
			GeoPoint point = new GeoPoint(lat, lon);
			points.add(Compact.onRouteScale(point));
			route.add(point);
			assertThat(write(route)).as("after %d points", i + 1).isEqualTo(write(new ArrayList<>(points)));
		}
		assertThat(route).isEqualTo(points);
		assertThat(Compact.readRoute(read(write(route)))).isEqualTo(points);
	}

	@Test
	void pointsAreRoundedToATenMillionthOfADegreeAsTheyAreAdded() {
		EncodedRoute route = EncodedRoute.of(List.of(new GeoPoint(52.123456789, 13.987654321)));
		assertThat(route.get(0)).isEqualTo(new GeoPoint(52.1234568, 13.9876543));
	}

	@Test
	void aClearedRouteStartsAgainFromNothing() throws IOException {
		EncodedRoute route = EncodedRoute.of(List.of(new GeoPoint(52.5, 13.4), new GeoPoint(52.6, 13.5)));
		route.clear();
		route.add(new GeoPoint(1, 2));
		assertThat(write(route)).isEqualTo(write(List.of(new GeoPoint(1, 2))));
		assertThat(route).containsExactly(new GeoPoint(1, 2));
	}

	@Test
	void aRouteOnlyGrowsAtItsEnd() {
		EncodedRoute route = EncodedRoute.of(List.of(new GeoPoint(52.5, 13.4)));
		route.add(1, new GeoPoint(52.6, 13.4));
		assertThat(route).hasSize(2);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> route.add(0, new GeoPoint(52.4, 13.4)));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> route.set(0, new GeoPoint(52.4, 13.4)));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> route.remove(0));
		assertThat(route).containsExactly(new GeoPoint(52.5, 13.4), new GeoPoint(52.6, 13.4));
	}

	private static byte[] write(List<GeoPoint> route) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Compact.writeRoute(new DataOutputStream(bytes), route);
		return bytes.toByteArray();
	}

	private static DataInputStream read(byte[] bytes) {
		return new DataInputStream(new ByteArrayInputStream(bytes));
	}

}
