package io.fleetgrid.stream.topology;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.management.ThreadMXBean;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CPU cost per event through the whole topology (TopologyTestDriver, RocksDB stores, JSON
 * in and out), by number of devices and geofences per tenant. Not a unit test (the name
 * does not end in {@code Tests}); run it explicitly:
 * {@code ./fleetgrid mvn -o -pl stream-processor -am verify -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=TopologyCostBenchmark}.
 */
class TopologyCostBenchmark {

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void costPerEvent() {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		int events = Integer.getInteger("bench.events", 20_000);
		// JIT warm-up, not reported
		run(1_000, 10, events);
		System.out.println("devices geofences events cpu_us_per_event alloc_kb_per_event");
		for (int[] shape : new int[][] { { 1_000, 10 }, { 10_000, 10 }, { 100_000, 10 }, { 1_000, 1_000 },
				{ 1_000, 10_000 } }) {
			double[] cost = run(shape[0], shape[1], events);
			System.out.println(
					String.format(Locale.ROOT, "%d %d %d %.1f %.2f", shape[0], shape[1], events, cost[0], cost[1]));
		}
	}

	/**
	 * One shape.
	 * @return CPU time (µs) and heap allocated (KB) by the test thread per measured event
	 */
	private static double[] run(int devices, int geofences, int events) {
		try (Harness harness = new Harness()) {
			List<DeviceSnapshot> fleet = new ArrayList<>(devices);
			for (int d = 0; d < devices; d++) {
				fleet.add(harness.device(new DeviceSnapshot("veh-" + d, Harness.ACME, DeviceType.VEHICLE, "v",
						"fleet-1", List.of(), List.of(), true, null, null, Harness.T0, Harness.T0)));
			}
			for (int g = 0; g < geofences; g++) {
				// spread over a 1° x 1° area around Berlin
				harness.geofence(new GeofenceSnapshot("g" + g, Harness.ACME, "G" + g,
						Geometry.circle(new GeoPoint(52 + (g % 100) * 0.01, 13 + (g / 100 % 100) * 0.01), 200), null,
						null, List.of(), Harness.T0));
			}
			// warm-up: one event per device (creates the device state), then the measured
			// run
			List<TelemetryEvent> input = new ArrayList<>(events + devices);
			for (int i = 0; i < devices + events; i++) {
				DeviceSnapshot device = fleet.get(i % devices);
				Instant ts = Harness.T0.plusMillis(i * 10L);
				input.add(new TelemetryEvent(device.deviceId(), device.tenantId(), DeviceType.VEHICLE, ts, (long) i, ts,
						MetricValues.copyOf(Map.of("speedKph", 60.0 + i % 80, "lat", 52 + (i % 1000) * 0.001, "lon",
								13.5, "headingDeg", 90.0, "ignition", true, "coolantTempC", 90.0, "fuelLevelPct", 50.0,
								"odometerKm", 1000.0 + i, "engineRpm", 2000.0, "accelMps2", 0.5))));
			}
			ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
			for (int i = 0; i < devices; i++) {
				harness.send(input.get(i));
			}
			harness.alerts();
			harness.states();
			long start = threads.getCurrentThreadCpuTime();
			long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
			for (int i = devices; i < input.size(); i++) {
				harness.send(input.get(i));
			}
			long cpu = threads.getCurrentThreadCpuTime() - start;
			long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
			harness.alerts();
			harness.states();
			return new double[] { cpu / 1000.0 / events, allocated / 1024.0 / events };
		}
	}

}
