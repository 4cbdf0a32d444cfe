package io.fleetgrid.simulator.model;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleModelTests {

	private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

	@Test
	void producesEventsTheContractValidatorAccepts() {
		SimulatedDevice device = SimulatedDevice.create(new DeviceCredential("veh-1", "t", "VEHICLE"), 7, START, 52.52,
				13.405);
		TelemetryValidator validator = new TelemetryValidator(Clock.fixed(START.plusSeconds(7200), ZoneOffset.UTC));
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			events.add(device.nextEvent(START.plusSeconds(i * 10L)));
		}
		assertThat(validator.validate(EventJson.batch(events).getBytes(StandardCharsets.UTF_8), "veh-1").accepted())
			.isTrue();
	}

	@Test
	void isDeterministicForASeed() {
		assertThat(drive(42, 600)).isEqualTo(drive(42, 600));
		assertThat(drive(42, 600)).isNotEqualTo(drive(43, 600));
	}

	@Test
	void makesTripsWithIgnitionCyclesAndPlausibleMovementWithinTheCity() {
		List<Map<String, Object>> day = drive(3, 6 * 3600);
		assertThat(day).extracting((m) -> m.get("ignition")).contains(true, false);
		double maxSpeed = day.stream().mapToDouble((m) -> (double) m.get("speedKph")).max().orElseThrow();
		assertThat(maxSpeed).isBetween(45.0, 135.0);
		assertThat(day).allSatisfy((m) -> {
			assertThat((double) m.get("lat")).isBetween(52.3, 52.75);
			assertThat((double) m.get("lon")).isBetween(13.1, 13.7);
			assertThat((double) m.get("accelMps2")).isBetween(-7.0, 3.0);
		});
		double firstOdometer = (double) day.get(0).get("odometerKm");
		double lastOdometer = (double) day.get(day.size() - 1).get("odometerKm");
		assertThat(lastOdometer - firstOdometer).isBetween(20.0, 400.0);
	}

	@Test
	void warmsTheEngineUpWhileDriving() {
		List<Map<String, Object>> day = drive(5, 3 * 3600);
		double hottest = day.stream().mapToDouble((m) -> (double) m.get("coolantTempC")).max().orElseThrow();
		assertThat(hottest).isBetween(80.0, 100.0);
	}

	@Test
	void routesAreClosedLoopsOfRoadLikeSegments() {
		Route route = Route.around(new SplittableRandom(1), 52.52, 13.405, 8_000);
		assertThat(route.lengthM()).isGreaterThan(2_000);
		double[] start = route.locate(0);
		double[] end = route.locate(route.lengthM() - 0.001);
		assertThat(Route.distanceM(start, end)).isLessThan(1);
		assertThat(route.locate(route.lengthM() / 3)[3]).isIn(50.0, 80.0, 100.0);
	}

	private static List<Map<String, Object>> drive(long seed, int seconds) {
		VehicleModel vehicle = new VehicleModel(new SplittableRandom(seed),
				Route.around(new SplittableRandom(seed), 52.52, 13.405, 8_000), START);
		List<Map<String, Object>> metrics = new ArrayList<>();
		for (int t = 1; t <= seconds; t++) {
			metrics.add(vehicle.step(START.plus(Duration.ofSeconds(t))));
		}
		return metrics;
	}

}
