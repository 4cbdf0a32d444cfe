package io.fleetgrid.stream.rollup;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.codec.ByteArrayDataInput;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupBucketsTests {

	private static final long GRACE_MS = 120_000;

	private static final Instant T = Instant.parse("2026-11-24T09:58:30Z");

	@Test
	void windowsWrittenFromTheirCachedEncodingEqualAFreshEncodingAfterEveryEvent() throws IOException {
		Random random = new Random(7);
		RollupBuckets buckets = new RollupBuckets();
		// the same windows, only ever written through a DataOutputStream (never cached)
		RollupBuckets reference = new RollupBuckets();
		List<Rollup> closed = new ArrayList<>();
		long ts = T.toEpochMilli();
		for (int i = 0; i < 3_000; i++) {
			// mostly in order, some late, a metric that comes and goes, windows closing
			ts += random.nextInt(1_500);
			long eventTs = (random.nextInt(10) == 0) ? ts - random.nextInt(200_000) : ts;
			TelemetryEvent event = event(eventTs, random, i);
			for (RollupBuckets each : List.of(buckets, reference)) {
				each.add(event, GRACE_MS);
				each.closeDue(each.clockMs(), GRACE_MS, "d", (each == buckets) ? closed : new ArrayList<>());
			}
			if (random.nextInt(50) == 0) {
				// a memory read back from the store: its cache comes from the bytes read
				buckets = RollupBuckets.read(new ByteArrayDataInput(write(buckets)), true);
			}

			assertThat(write(buckets)).as("event %d", i).isEqualTo(writeUncached(reference));
		}
		assertThat(closed).extracting(Rollup::resolution).contains(Rollup.Resolution.MINUTE, Rollup.Resolution.HOUR);
	}

	@Test
	void aWindowCountsEveryMetricWithItsMinimumMaximumSumAndNewestValue() {
		RollupBuckets buckets = new RollupBuckets();
		long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
		buckets.add(event(start + 1_000, Map.of("rpm", 900.0, "speedKph", 10.0)), GRACE_MS);
		buckets.add(event(start + 3_000, Map.of("rpm", 2_500.0, "speedKph", 30.0)), GRACE_MS);
		// older than the newest: counted, but not the newest value
		buckets.add(event(start + 2_000, Map.of("rpm", 700.0)), GRACE_MS);
		List<Rollup> closed = new ArrayList<>();

		buckets.closeDue(start + 60_000 + GRACE_MS, GRACE_MS, "d", closed);

		assertThat(closed).singleElement().satisfies((minute) -> {
			assertThat(minute.count()).isEqualTo(3);
			assertThat(minute.avgSpeedKph()).isEqualTo(20.0);
			assertThat(minute.metrics().get("rpm"))
				.isEqualTo(new Rollup.MetricStats(3, 700.0, 2_500.0, 4_100.0, 2_500.0));
			assertThat(minute.metrics().keySet()).containsExactly("rpm", "speedKph");
		});
	}

	private static TelemetryEvent event(long ts, Random random, int i) {
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("speedKph", random.nextInt(1_200) / 10.0);
		metrics.put("lat", 52.5 + random.nextInt(1_000) / 1e5);
		metrics.put("lon", 13.4 + random.nextInt(1_000) / 1e5);
		metrics.put("ignition", true);
		if (i % 7 < 3) {
			metrics.put("coolantTempC", 80 + random.nextDouble() * 20);
		}
		return event(ts, metrics);
	}

	private static TelemetryEvent event(long ts, Map<String, Object> metrics) {
		Instant at = Instant.ofEpochMilli(ts);
		return new TelemetryEvent("d", "t", DeviceType.VEHICLE, at, null, at, MetricValues.copyOf(metrics));
	}

	private static byte[] writeUncached(RollupBuckets buckets) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			buckets.write(out, true);
		}
		return bytes.toByteArray();
	}

	private static byte[] write(RollupBuckets buckets) throws IOException {
		ByteArrayDataOutput out = new ByteArrayDataOutput(64);
		buckets.write(out, true);
		return out.toByteArray();
	}

}
