package io.fleetgrid.stream.rollup;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class RollupBucketsTests {

	private static final long GRACE_MS = 120_000;

	private static final Instant T = Instant.parse("2026-11-24T09:58:30Z");

	@Test
	void windowsKeptAsEncodingsAndReadBackCloseAsWindowsKeptAsObjects() throws IOException {
		Random random = new Random(7);
		RollupBuckets buckets = new RollupBuckets();
		// the same windows, never written (always objects)
		RollupBuckets reference = new RollupBuckets();
		List<Rollup> closed = new ArrayList<>();
		List<Rollup> expected = new ArrayList<>();
		long ts = T.toEpochMilli();
		for (int i = 0; i < 3_000; i++) {
			// mostly in order, some late, a metric that comes and goes, windows closing
			ts += random.nextInt(1_500);
			long eventTs = (random.nextInt(10) == 0) ? ts - random.nextInt(200_000) : ts;
			TelemetryEvent event = event(eventTs, random, i);
			buckets.add(event, GRACE_MS);
			buckets.closeDue(buckets.clockMs(), GRACE_MS, "d", closed);
			reference.add(event, GRACE_MS);
			reference.closeDue(reference.clockMs(), GRACE_MS, "d", expected);
			byte[] bytes = write(buckets);
			if (random.nextInt(50) == 0) {
				// a memory read back from the store
				buckets = RollupBuckets.read(new ByteArrayDataInput(bytes), RollupBuckets.Format.FRAMED);
			}
			assertThat(buckets.untilNextCloseMs(GRACE_MS)).isEqualTo(reference.untilNextCloseMs(GRACE_MS));
		}
		buckets.closeDue(Long.MAX_VALUE, GRACE_MS, "d", closed);
		reference.closeDue(Long.MAX_VALUE, GRACE_MS, "d", expected);

		assertThat(closed).isEqualTo(expected);
		assertThat(closed).extracting(Rollup::resolution).contains(Rollup.Resolution.MINUTE, Rollup.Resolution.HOUR);
	}

	@Test
	void windowsReadBackStayEncodedUntilAnEventNeedsThemAndEndedOnesAreKeptEncodedOnceWritten() throws IOException {
		RollupBuckets buckets = new RollupBuckets();
		long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
		Random random = new Random(3);
		// minutes 10:00 to 10:02, all still open (the hour opens when the first closes)
		for (int s = 0; s < 180; s += 5) {
			buckets.add(event(start + s * 1_000L, random, s), GRACE_MS);
		}
		assertThat(buckets.decodedWindows()).isEqualTo(3);

		byte[] bytes = write(buckets);

		assertThat(buckets.decodedWindows()).as("10:02 goes on").isEqualTo(1);
		RollupBuckets read = RollupBuckets.read(new ByteArrayDataInput(bytes), RollupBuckets.Format.FRAMED);
		assertThat(read.decodedWindows()).isZero();
		read.add(event(start + 181_000, random, 181), GRACE_MS);
		assertThat(read.decodedWindows()).as("10:03").isEqualTo(1);
		read.add(event(start + 60_500, random, 1), GRACE_MS);
		assertThat(read.decodedWindows()).as("a late event for 10:01").isEqualTo(2);
		List<Rollup> closed = new ArrayList<>();
		read.closeDue(start + 120_000 + GRACE_MS, GRACE_MS, "d", closed);
		assertThat(closed).extracting(Rollup::count).as("10:00 and 10:01").containsExactly(12L, 13L);
		assertThat(read.decodedWindows()).as("10:03 and the hour").isEqualTo(2);
	}

	@Test
	void anHourIsTheSumOfItsMinutesAndTheSegmentsThatCrossAMinuteCountWhereTheyEnd() {
		RollupBuckets buckets = new RollupBuckets();
		long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
		// 0.001° of latitude is about 111 m; a point every 20 s, also across minutes
		for (int s = 0; s <= 180; s += 20) {
			buckets.add(
					event(start + s * 1_000L,
							Map.of("lat", 52.5 + s / 20 * 0.001, "lon", 13.4, "speedKph", 20.0 + s, "pvPowerW", 600.0)),
					GRACE_MS);
		}
		List<Rollup> closed = new ArrayList<>();

		buckets.closeDue(Long.MAX_VALUE, GRACE_MS, "d", closed);

		assertThat(closed).extracting(Rollup::resolution)
			.containsExactly(Rollup.Resolution.MINUTE, Rollup.Resolution.MINUTE, Rollup.Resolution.MINUTE,
					Rollup.Resolution.MINUTE, Rollup.Resolution.HOUR);
		// 10:00 has 0-20-40 (2 segments); 10:01 has 40-60, 60-80, 80-100 (3), and so on
		assertThat(closed).extracting(Rollup::distanceKm).containsExactly(0.222, 0.334, 0.334, 0.111, 1.001);
		Rollup hour = closed.get(4);
		assertThat(hour.count()).isEqualTo(10);
		assertThat(hour.maxSpeedKph()).isEqualTo(200.0);
		assertThat(hour.avgSpeedKph()).isEqualTo(110.0);
		// 600 W for 180 s
		assertThat(hour.pvEnergyKwh()).isEqualTo(0.03);
		assertThat(hour.metrics().get("speedKph")).isEqualTo(new Rollup.MetricStats(10, 20.0, 200.0, 1_100.0, 200.0));
	}

	@Test
	void aGapOfMoreThanAnHourIsNotCountedAsDistanceNorOfMoreThanFifteenMinutesAsEnergy() {
		RollupBuckets buckets = new RollupBuckets();
		long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
		buckets.add(event(start, Map.of("lat", 52.5, "lon", 13.4, "pvPowerW", 600.0)), GRACE_MS);
		buckets.add(event(start + 16 * 60_000, Map.of("lat", 52.6, "lon", 13.4, "pvPowerW", 600.0)), GRACE_MS);
		buckets.add(event(start + 77 * 60_000, Map.of("lat", 52.7, "lon", 13.4, "pvPowerW", 600.0)), GRACE_MS);
		List<Rollup> closed = new ArrayList<>();

		buckets.closeDue(Long.MAX_VALUE, GRACE_MS, "d", closed);

		assertThat(closed).filteredOn((rollup) -> rollup.resolution() == Rollup.Resolution.MINUTE)
			.extracting(Rollup::distanceKm, Rollup::pvEnergyKwh)
			.containsExactly(tuple(0.0, 0.0), tuple(11.12, 0.0), tuple(0.0, 0.0));
	}

	@Test
	void theNameTableKeepsFewNamesThatNoOpenWindowUses() throws IOException {
		RollupBuckets buckets = new RollupBuckets();
		long start = T.toEpochMilli();
		List<Rollup> closed = new ArrayList<>();
		// every minute brings a metric of its own, sent for two minutes
		for (int s = 0; s < 3 * 3_600; s += 10) {
			int minute = s / 60;
			buckets.add(event(start + s * 1_000L, Map.of("speedKph", 50.0, "m" + minute, 1.0, "m" + (minute - 1), 2.0)),
					GRACE_MS);
			buckets.closeDue(buckets.clockMs(), GRACE_MS, "d", closed);
			write(buckets);

			assertThat(buckets.nameTable()).containsAll(buckets.usedNames());
			assertThat(buckets.nameTable().size() - buckets.usedNames().size())
				.isLessThanOrEqualTo(RollupBuckets.MAX_UNUSED_NAMES);
		}
		assertThat(closed).extracting(Rollup::resolution).contains(Rollup.Resolution.HOUR);
	}

	@Test
	void aMalformedWindowFailsWhenItIsNeededNamingTheWindow() throws IOException {
		RollupBuckets buckets = new RollupBuckets();
		long start = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
		buckets.add(event(start, Map.of("speedKph", 50.0)), GRACE_MS);
		byte[] bytes = write(buckets);
		// the hour window's body (the last) ends with its metric's newest value (50.0)
		int tagOfLastValue = bytes.length - 2;
		bytes[tagOfLastValue] = 99;
		RollupBuckets read = RollupBuckets.read(new ByteArrayDataInput(bytes), RollupBuckets.Format.FRAMED);

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> read.closeDue(Long.MAX_VALUE, GRACE_MS, "d", new ArrayList<>()))
			.withMessageContaining("rollup window at 2026-11-24T10:00:00Z");
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

	private static byte[] write(RollupBuckets buckets) throws IOException {
		ByteArrayDataOutput out = new ByteArrayDataOutput(64);
		buckets.write(out, true);
		return out.toByteArray();
	}

}
