package io.fleetgrid.stream.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.detect.DeviceMemory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * CPU time per event of what every event costs in the device memory, single-threaded:
 * counting it in the open rollup windows (closing the due ones) and writing the memory
 * back in the store's format, for 1,000 vehicles whose memories stay objects (as with the
 * memory mirror) and events a second apart per device. Reports the minimum and the median
 * of the rounds (the minimum is the figure least disturbed by the machine), and the heap
 * one memory kept as an object takes (what the mirror costs per device). Not a unit test
 * (the name does not end in {@code Tests}); run it explicitly:
 * {@code ./fleetgrid mvn -o -pl stream-processor -am verify -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=MemoryWriteBenchmark -Dbench=true}.
 */
class MemoryWriteBenchmark {

	private static final long GRACE_MS = 120_000;

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void memoryCostPerEvent() {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		int devices = 1_000;
		int perDevice = Integer.getInteger("bench.events-per-device", 40);
		int rounds = Integer.getInteger("bench.rounds", 15);
		DeviceMemory[] memories = new DeviceMemory[devices];
		// bytes written, windows closed
		long[] bytes = new long[2];
		// JIT warm-up, not reported
		for (int r = 0; r < 3; r++) {
			run(memories, perDevice, r, bytes);
		}
		double[] nanos = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			bytes[0] = 0;
			nanos[r] = run(memories, perDevice, 3 + r, bytes);
		}
		if (bytes[1] == 0) {
			throw new IllegalStateException("no window closed");
		}
		Arrays.sort(nanos);
		long withMemories = usedHeapAfterGc();
		Arrays.fill(memories, null);
		long heapPerMemory = (withMemories - usedHeapAfterGc()) / devices;
		System.out.println(
				"devices events rounds cpu_ns_per_event_min cpu_ns_per_event_median bytes_per_memory heap_bytes_per_memory");
		System.out.println(String.format(Locale.ROOT, "%d %d %d %.0f %.0f %d %d", devices, devices * perDevice, rounds,
				nanos[0], nanos[rounds / 2], bytes[0] / ((long) devices * perDevice), heapPerMemory));
	}

	/**
	 * Heap in use after a few full collections: the difference with and without the
	 * memories is what keeping them as objects (the memory mirror) costs.
	 */
	private static long usedHeapAfterGc() {
		MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return heap.getHeapMemoryUsage().getUsed();
	}

	/** One round: every device gets {@code perDevice} events, a second apart. */
	private static double run(DeviceMemory[] memories, int perDevice, int round, long[] counts) {
		int devices = memories.length;
		List<TelemetryEvent> input = new ArrayList<>(devices * perDevice);
		long t0 = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli() + round * perDevice * 1000L;
		for (int k = 0; k < perDevice; k++) {
			for (int d = 0; d < devices; d++) {
				int i = k * devices + d;
				Instant ts = Instant.ofEpochMilli(t0 + k * 1000L + d);
				input.add(new TelemetryEvent("veh-" + d, "acme", DeviceType.VEHICLE, ts, (long) i, ts,
						MetricValues.copyOf(Map.of("speedKph", 60.0 + i % 80, "lat", 52 + (i % 1000) * 0.001, "lon",
								13.5 + d * 0.0001, "headingDeg", 90.0, "ignition", true, "coolantTempC",
								90.0 + i % 7 * 0.1, "fuelLevelPct", 50.0 - k * 0.01, "odometerKm", 1000.0 + k * 0.02,
								"engineRpm", 2000.0 + i % 500, "accelMps2", 0.5))));
			}
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Rollup> closed = new ArrayList<>();
		long written = 0;
		long start = threads.getCurrentThreadCpuTime();
		for (TelemetryEvent event : input) {
			int d = Integer.parseInt(event.deviceId(), 4, event.deviceId().length(), 10);
			DeviceMemory memory = memories[d];
			if (memory == null) {
				memory = new DeviceMemory();
				memories[d] = memory;
			}
			memory.rollups.add(event, GRACE_MS);
			memory.rollups.closeDue(memory.rollups.clockMs(), GRACE_MS, event.deviceId(), closed);
			event.metrics().forEach(memory.metrics::put);
			memory.lastTs = event.ts();
			written += DeviceMemorySerde.write(memory).length;
		}
		long cpu = threads.getCurrentThreadCpuTime() - start;
		counts[0] += written;
		counts[1] += closed.size();
		return (double) cpu / input.size();
	}

}
