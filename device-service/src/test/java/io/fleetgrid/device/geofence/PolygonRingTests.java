package io.fleetgrid.device.geofence;

import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.device.web.FieldError;
import io.fleetgrid.device.web.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolygonRingTests {

	@Test
	void acceptsAClosedSquare() {
		Validator validator = new Validator();

		List<GeoPoint> ring = GeofenceService.ring(polygon(0, 0, 1, 0, 1, 1, 0, 1, 0, 0), validator);

		assertThat(validator.errors()).isEmpty();
		assertThat(ring).hasSize(5).first().isEqualTo(new GeoPoint(0, 0));
	}

	@Test
	void rejectsABowTie() {
		assertThat(errors(polygon(0, 0, 1, 1, 1, 0, 0, 1, 0, 0))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("intersects itself"));
	}

	@Test
	void rejectsASpikeThatFoldsBackOntoItsEdge() {
		assertThat(errors(polygon(0, 0, 2, 0, 1, 0, 1, 1, 0, 0))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("intersects itself"));
	}

	@Test
	void rejectsARingTouchingItselfAtAVertex() {
		// A figure eight through (1, 1).
		assertThat(errors(polygon(0, 0, 1, 1, 2, 0, 2, 2, 1, 1, 0, 2, 0, 0))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("intersects itself"));
	}

	@Test
	void rejectsAnOpenRing() {
		assertThat(errors(polygon(0, 0, 1, 0, 1, 1, 0, 1))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("closed"));
	}

	@Test
	void acceptsAThousandVerticesAndRejectsMore() {
		assertThat(errors(circleLike(1000))).isEmpty();
		assertThat(errors(circleLike(1001))).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("at most 1000 vertices"));
	}

	@Test
	void rejectsOutOfRangeCoordinatesNamingThePosition() {
		assertThat(errors(polygon(0, 0, 181, 0, 1, 1, 0, 0))).singleElement()
			.satisfies((error) -> assertThat(error.field()).isEqualTo("geometry.coordinates[0][1]"));
	}

	@Test
	void rejectsHoles() {
		GeoJsonPolygon withHole = new GeoJsonPolygon("Polygon",
				List.of(polygon(0, 0, 4, 0, 4, 4, 0, 4, 0, 0).coordinates().get(0),
						polygon(1, 1, 2, 1, 2, 2, 1, 1).coordinates().get(0)));

		assertThat(errors(withHole)).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("holes"));
	}

	private static List<FieldError> errors(GeoJsonPolygon polygon) {
		Validator validator = new Validator();
		GeofenceService.ring(polygon, validator);
		return validator.errors();
	}

	private static GeoJsonPolygon circleLike(int vertices) {
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i < vertices; i++) {
			double angle = 2 * Math.PI * i / vertices;
			ring.add(List.of(13.4 + 0.01 * Math.cos(angle), 52.5 + 0.01 * Math.sin(angle)));
		}
		ring.add(ring.get(0));
		return new GeoJsonPolygon("Polygon", List.of(ring));
	}

	private static GeoJsonPolygon polygon(double... lonLat) {
		List<List<Double>> ring = new ArrayList<>();
		for (int i = 0; i < lonLat.length; i += 2) {
			ring.add(List.of(lonLat[i], lonLat[i + 1]));
		}
		return new GeoJsonPolygon("Polygon", List.of(ring));
	}

}
