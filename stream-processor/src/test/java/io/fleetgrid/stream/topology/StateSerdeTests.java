package io.fleetgrid.stream.topology;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Acknowledgement;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.Compact;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.detect.RecentEvents;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class StateSerdeTests {

	private static final Instant T = Instant.parse("2026-06-21T10:00:00.123Z");

	@Test
	void deviceMemoryReadsBackWhatItWrote() {
		DeviceMemory memory = memory();
		DeviceMemorySerde serde = new DeviceMemorySerde();
		byte[] bytes = serde.serializer().serialize("t", memory);
		assertThat(json(serde.deserializer().deserialize("t", bytes))).isEqualTo(json(memory));
	}

	@Test
	void deviceMemoryWithoutTripReadsBackWithoutTrip() {
		DeviceMemory memory = memory();
		memory.trip = null;
		DeviceMemorySerde serde = new DeviceMemorySerde();
		DeviceMemory read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", memory));
		assertThat(read.trip).isNull();
		assertThat(json(read)).isEqualTo(json(memory));
	}

	@Test
	void aLargeDeviceMemoryReadsBackAfterASmallOne() {
		DeviceMemorySerde serde = new DeviceMemorySerde();
		DeviceMemory small = memory();
		serde.serializer().serialize("t", small);
		DeviceMemory large = memory();
		for (int i = 0; i < 1_000; i++) {
			large.trip.route.add(Compact.onRouteScale(new GeoPoint(52.5 + i * 0.001, 13.4)));
			large.metrics.put("sensor" + i, i * 1.5);
		}
		byte[] bytes = serde.serializer().serialize("t", large);
		assertThat(bytes.length).isGreaterThan(8_192);
		assertThat(json(serde.deserializer().deserialize("t", bytes))).isEqualTo(json(large));
		assertThat(json(serde.deserializer().deserialize("t", serde.serializer().serialize("t", small))))
			.isEqualTo(json(small));
	}

	@Test
	void deviceMemoryKeepsItsOpenRollupWindows() {
		DeviceMemory memory = memoryWithWindows();
		DeviceMemorySerde serde = new DeviceMemorySerde();
		DeviceMemory read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", memory));
		assertThat(read.rollups.clockMs()).isEqualTo(memory.rollups.clockMs());
		List<Object> expected = new ArrayList<>();
		memory.rollups.closeDue(Long.MAX_VALUE, 120_000, "d", expected);
		List<Object> actual = new ArrayList<>();
		read.rollups.closeDue(Long.MAX_VALUE, 120_000, "d", actual);
		assertThat(actual).hasSize(3).isEqualTo(expected);
	}

	@Test
	void deviceMemoryOfTheThirdBinaryVersionStillReads() throws Exception {
		// written by the format-3 serializer (commit e7c8f37) from this memory
		DeviceMemory memory = memoryWithWindows();
		byte[] format3 = fixture("format-3.bin");
		assertThat(format3[0]).isEqualTo((byte) 3);

		DeviceMemory read = new DeviceMemorySerde().deserializer().deserialize("t", format3);

		// as trees: the fixture's Map.of details iterated in another order when written
		assertThat(JsonSerdes.mapper().readTree(json(read))).isEqualTo(JsonSerdes.mapper().readTree(json(memory)));
		assertWindowsOfTheEarlierFormat(read);
		assertThat(new DeviceMemorySerde().serializer().serialize("t", memory)).as("format 4 is the smaller")
			.hasSizeLessThan(format3.length * 3 / 4);
	}

	@Test
	void deviceMemoryOfTheFourthBinaryVersionStillReads() throws Exception {
		// written by the format-4 serializer (commit 30a8105) from this memory
		DeviceMemory memory = memoryWithWindows();
		byte[] format4 = fixture("format-4.bin");
		assertThat(format4[0]).isEqualTo((byte) 4);

		DeviceMemory read = new DeviceMemorySerde().deserializer().deserialize("t", format4);

		assertThat(JsonSerdes.mapper().readTree(json(read))).isEqualTo(JsonSerdes.mapper().readTree(json(memory)));
		assertThat(read.trip.route).isEqualTo(memory.trip.route);
		assertWindowsOfTheEarlierFormat(read);
	}

	@Test
	void anHourWindowOfAnEarlierFormatGoesOnCountingEveryEventItselfUntilItCloses() throws Exception {
		byte[] format4 = fixture("format-4.bin");
		DeviceMemorySerde serde = new DeviceMemorySerde();
		DeviceMemory read = serde.deserializer().deserialize("t", format4);
		// 0.01° north of the fixture's newest position, 30 s later
		read.rollups.add(event(100, Map.of("speedKph", 90.0, "lat", 52.52, "lon", 13.4)), 120_000);
		DeviceMemory again = serde.deserializer().deserialize("t", serde.serializer().serialize("t", read));
		List<Rollup> closed = new ArrayList<>();

		again.rollups.closeDue(Long.MAX_VALUE, 120_000, "d", closed);

		assertThat(closed).extracting(Rollup::resolution, Rollup::count)
			.containsExactly(tuple(Resolution.MINUTE, 1L), tuple(Resolution.MINUTE, 2L), tuple(Resolution.HOUR, 3L));
		assertThat(closed.get(1).distanceKm()).as("from the fixture's newest position").isEqualTo(1.112);
		assertThat(closed.get(2).distanceKm()).isEqualTo(2.224);
		assertThat(closed.get(2).maxSpeedKph()).isEqualTo(90.0);
	}

	/** The memory of the fixtures, with two rollup windows (events at 0 s and 70 s). */
	private static DeviceMemory memoryWithWindows() {
		DeviceMemory memory = memory();
		memory.rollups.add(event(0, Map.of("speedKph", 50.0, "lat", 52.5, "lon", 13.4)), 120_000);
		memory.rollups.add(event(70, Map.of("speedKph", 70.0, "lat", 52.51, "lon", 13.4, "pvPowerW", 900.0)), 120_000);
		return memory;
	}

	private static byte[] fixture(String name) throws IOException {
		try (InputStream in = StateSerdeTests.class.getResourceAsStream("/device-memory/" + name)) {
			return in.readAllBytes();
		}
	}

	/**
	 * The windows of the fixtures (events at 0 s and 70 s, 0.01° apart), each with its
	 * own distance, as earlier formats kept them.
	 */
	private static void assertWindowsOfTheEarlierFormat(DeviceMemory read) {
		List<Rollup> closed = new ArrayList<>();
		read.rollups.closeDue(Long.MAX_VALUE, 120_000, "d", closed);
		assertThat(closed).extracting(Rollup::resolution, Rollup::count, Rollup::distanceKm)
			.containsExactly(tuple(Resolution.MINUTE, 1L, 0.0), tuple(Resolution.MINUTE, 1L, 0.0),
					tuple(Resolution.HOUR, 2L, 1.112));
		assertThat(closed.get(2).pvEnergyKwh()).isEqualTo(0.0);
	}

	@Test
	void deviceMemoryOfTheFifthFormatIsSmallerThanTheFourthForTheSameEvents() throws Exception {
		DeviceMemory memory = memoryWithWindows();
		byte[] format4 = fixture("format-4.bin");

		byte[] format5 = new DeviceMemorySerde().serializer().serialize("t", memory);

		assertThat(format5[0]).isEqualTo((byte) 5);
		// no hour window before its first minute closes, no newest points per window
		assertThat(format5).hasSizeLessThan(format4.length * 9 / 10);
	}

	@Test
	void deviceMemoryOfTheSecondBinaryVersionStillReads() throws Exception {
		DeviceMemory memory = memory();
		memory.rollups.add(event(0, Map.of("speedKph", 50.0)), 120_000);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeByte(2);
		out.writeInt(memory.recent.size());
		for (long identity : memory.recent.toArray()) {
			out.writeLong(identity);
		}
		out.writeInt(memory.trip.route.size());
		for (GeoPoint point : memory.trip.route) {
			out.writeDouble(point.lat());
			out.writeDouble(point.lon());
		}
		memory.rollups.write(out, false);
		out.write(JsonSerdes.mapper().writeValueAsBytes(memory));
		DeviceMemory read = new DeviceMemorySerde().deserializer().deserialize("t", bytes.toByteArray());
		assertThat(json(read)).isEqualTo(json(memory));
		assertThat(read.rollups.clockMs()).isEqualTo(memory.rollups.clockMs());
		assertThat(read.rollups.isEmpty()).isFalse();
	}

	@Test
	void deviceMemoryOfTheFirstBinaryVersionStillReads() {
		DeviceMemory memory = memory();
		byte[] json = JsonSerdes.mapper().writeValueAsBytes(memory);
		ByteBuffer v1 = ByteBuffer.allocate(1 + 4 + memory.recent.size() * 8 + 4 + json.length);
		v1.put((byte) 1).putInt(memory.recent.size());
		for (long identity : memory.recent.toArray()) {
			v1.putLong(identity);
		}
		v1.putInt(-1).put(json);
		DeviceMemory read = new DeviceMemorySerde().deserializer().deserialize("t", v1.array());
		memory.trip.route = List.of();
		read.trip.route = List.of();
		assertThat(json(read)).isEqualTo(json(memory));
		assertThat(read.rollups.isEmpty()).isTrue();
	}

	@Test
	void deviceMemoryWrittenAsJsonByEarlierVersionsStillReads() {
		DeviceMemory memory = memory();
		byte[] legacy = new JsonStateSerde<>(DeviceMemory.class).serializer().serialize("t", memory);
		assertThat(json(new DeviceMemorySerde().deserializer().deserialize("t", legacy))).isEqualTo(json(memory));
	}

	@Test
	void deviceMemoryOfUnknownFormatIsASerializationError() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> new DeviceMemorySerde().deserializer().deserialize("t", new byte[] { 9, 0, 0 }));
	}

	private static DeviceMemory memory() {
		DeviceMemory memory = new DeviceMemory();
		memory.lastTs = T;
		memory.lastSeq = 7L;
		memory.recent = RecentEvents.of(1L, 2L, 3_000_000_000_000L);
		memory.lastSpeedKph = 88.5;
		memory.lastPosition = new GeoPoint(52.5, 13.4);
		memory.metrics.put("speedKph", 88.5);
		memory.metrics.put("ignition", true);
		memory.metrics.put("dtcCodes", List.of("P0300"));
		DeviceMemory.FenceState fence = new DeviceMemory.FenceState();
		fence.inside = true;
		fence.insideSince = T;
		memory.fences.put("g1", fence);
		memory.trip = new DeviceMemory.TripProgress();
		memory.trip.startedAt = T;
		memory.trip.distanceKm = 1.5;
		memory.trip.route = new ArrayList<>(List.of(new GeoPoint(52.5, 13.4), new GeoPoint(52.51, 13.41)));
		memory.lastProcessedMs = 42;
		memory.statePublishedMs = 41;
		memory.stateUnpublished = true;
		memory.overspeedAboveSince = T;
		memory.overspeedMaxKph = 131.5;
		memory.firstOdometerKm = 1200.0;
		memory.firstOdometerTs = T.minusSeconds(86_400);
		memory.dtcCodes = new ArrayList<>(List.of("P0300", "P0171"));
		memory.lastSpeedTs = T;
		memory.trip.startPosition = new GeoPoint(52.4, 13.3);
		memory.trip.lastTs = T;
		memory.trip.harshBraking = 2;
		memory.trip.speedSamples = 9;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("speedKph", 131.5);
		details.put("count", 3);
		details.put("big", 3_000_000_000_000L);
		details.put("none", null);
		details.put("codes", List.of(Map.of("code", "P0300", "description", "Random misfire – ü"), "x"));
		details.put("flag", false);
		AlertEvent raised = new AlertEvent("a-1", "t", "d", "g", AlertType.OVERSPEED, Severity.WARNING, Status.RAISED,
				null, T, null, T, 1, "Speed 131.5 km/h", details, null);
		memory.alerts.put("OVERSPEED", raised);
		memory.alerts.put("GEOFENCE_ENTER/g1",
				new AlertEvent("a-2", "t", "d", null, AlertType.GEOFENCE_ENTER, Severity.INFO, Status.ACKNOWLEDGED,
						"g1", T, T.plusSeconds(5), T.plusSeconds(9), 3, null, Map.of(),
						new Acknowledgement("u-1", T.plusSeconds(9), null)));
		return memory;
	}

	private static TelemetryEvent event(int seconds, Map<String, Object> metrics) {
		Instant ts = T.plusSeconds(seconds);
		return new TelemetryEvent("d", "t", DeviceType.VEHICLE, ts, null, ts, MetricValues.copyOf(metrics));
	}

	private static String json(Object value) {
		return JsonSerdes.mapper().writeValueAsString(value);
	}

}
