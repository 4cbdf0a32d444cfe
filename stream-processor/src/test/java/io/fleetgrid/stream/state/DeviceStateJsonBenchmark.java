package io.fleetgrid.stream.state;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.serde.JsonSerdes;
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
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
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
		Function<DeviceState, byte[]> mapper = databind::writeValueAsBytes;
		Function<DeviceState, byte[]> own = DeviceStateJson::write;
		int rounds = Integer.getInteger("bench.rounds", 15);
		double[][] nanos = new double[2][rounds];
		long[] bytes = new long[2];
		for (int r = -5; r < rounds; r++) {
			for (int w = 0; w < 2; w++) {
				long[] written = new long[1];
				double perState = run((w == 0) ? mapper : own, states, written);
				if (r >= 0) {
					nanos[w][r] = perState;
					bytes[w] = written[0] / states.length;
				}
			}
		}
		System.out.println("writer states rounds cpu_ns_per_state_min cpu_ns_per_state_median bytes_per_state");
		String[] names = { "databind", "DeviceStateJson" };
		for (int w = 0; w < 2; w++) {
			Arrays.sort(nanos[w]);
			System.out.println(String.format(Locale.ROOT, "%s %d %d %.0f %.0f %d", names[w], states.length, rounds,
					nanos[w][0], nanos[w][rounds / 2], bytes[w]));
		}
	}

	private static double run(Function<DeviceState, byte[]> writer, DeviceState[] states, long[] written) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		long total = 0;
		for (DeviceState state : states) {
			total += writer.apply(state).length;
		}
		long cpu = threads.getCurrentThreadCpuTime() - start;
		written[0] = total;
		return (double) cpu / states.length;
	}

}
