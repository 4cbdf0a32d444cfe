package io.fleetgrid.stream.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.WriterRounds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectWriter;

/**
 * CPU time per device state written as JSON, the contracts' mapper (databind) and
 * {@link DeviceStateJson} side by side in one JVM, rounds alternating: 10,000 vehicle
 * states with ten metrics and up to two active alerts per round, 15 rounds each after 5
 * thrown away; minimum and median. Not a unit test; run it explicitly:
 * {@code ./fleetgrid mvn -o -pl stream-processor -am verify -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DeviceStateJsonBenchmark -Dbench=true}.
 */
class DeviceStateJsonBenchmark {

	@Test
	void nanosPerState() {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		DeviceState[] states = new DeviceState[10_000];
		Instant t0 = Instant.parse("2026-11-24T10:00:00.123Z");
		for (int i = 0; i < states.length; i++) {
			Instant ts = t0.plusMillis(i * 37L);
			double speed = 40 + i % 90 + (i % 10) * 0.1;
			states[i] = new DeviceState("veh-" + i, "tenant-" + i % 5, DeviceType.VEHICLE, ts,
					new GeoPoint(52.52 + (i % 1000) * 1e-4, 13.405 + (i % 777) * 1e-4), speed, (double) (i % 360), true,
					50.0 - (i % 400) * 0.1, null, null, switch (i % 3) {
						case 0 -> List.of();
						case 1 -> List.of(AlertType.OVERSPEED);
						default -> List.of(AlertType.OVERSPEED, AlertType.LOW_FUEL);
					},
					MetricValues.copyOf(Map.of("speedKph", speed, "lat", 52.52 + (i % 1000) * 1e-4, "lon",
							13.405 + (i % 777) * 1e-4, "headingDeg", (double) (i % 360), "ignition", true,
							"coolantTempC", 90.5, "fuelLevelPct", 50.0 - (i % 400) * 0.1, "odometerKm", 12_345.6 + i,
							"engineRpm", 2_000L + i % 500, "accelMps2", 0.5)),
					ts.plusMillis(3));
		}
		ObjectWriter databind = JsonSerdes.mapper().writerFor(DeviceState.class);
		Map<String, Function<DeviceState, byte[]>> writers = new LinkedHashMap<>();
		writers.put("databind", databind::writeValueAsBytes);
		writers.put("DeviceStateJson", DeviceStateJson::write);
		WriterRounds.compare("state", Arrays.asList(states), writers, Integer.getInteger("bench.rounds", 15));
	}

}
