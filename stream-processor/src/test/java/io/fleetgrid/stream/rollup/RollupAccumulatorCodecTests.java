package io.fleetgrid.stream.rollup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupAccumulatorCodecTests {

	private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void readsBackEveryFieldItWroteInTheFullWidthForm() throws Exception {
		RollupAccumulator accumulator = accumulator();
		GeoPoint position = new GeoPoint(52.51, 13.4);
		Instant positionTs = T.plusSeconds(10);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			RollupAccumulatorCodec.writeBody(out, accumulator, position, positionTs, 1200.0, positionTs);
		}
		List<Object> last = new ArrayList<>();

		RollupAccumulator read = RollupAccumulatorCodec.readBody(
				new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
				(p, pTs, w, wTs) -> last.addAll(List.of(p, pTs, w, wTs)));

		assertThat(json(read)).isEqualTo(json(accumulator));
		assertThat(last).containsExactly(position, positionTs, 1200.0, positionTs);
	}

	@Test
	void readsBackEveryFieldItWroteInTheFramedForm() throws Exception {
		RollupAccumulator accumulator = accumulator();
		List<String> names = List.of("t", "speedKph", "lat", "lon", "pvPowerW", "batterySocPct", "coolantTempC");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			RollupAccumulatorCodec.writeFramed(out, accumulator, names);
		}

		RollupAccumulator read = RollupAccumulatorCodec
			.readFramed(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), names);

		assertThat(json(read)).isEqualTo(json(accumulator));
	}

	private static RollupAccumulator accumulator() {
		RollupAccumulator accumulator = new RollupAccumulator();
		accumulator.add(event(0, Map.of("speedKph", 50.0, "lat", 52.5, "lon", 13.4, "pvPowerW", 1000.0)));
		RollupAccumulator.Sample second = new RollupAccumulator.Sample(event(10, Map.of("speedKph", 70.0, "lat", 52.51,
				"lon", 13.4, "pvPowerW", 1200.0, "batterySocPct", 40.0, "coolantTempC", 91.0)));
		second.segmentM = 1_112.0;
		second.energyWh = 3.05;
		accumulator.add(second);
		return accumulator;
	}

	private static TelemetryEvent event(int seconds, Map<String, Object> metrics) {
		Instant ts = T.plusSeconds(seconds);
		return new TelemetryEvent("d", "t", DeviceType.VEHICLE, ts, null, ts, MetricValues.copyOf(metrics));
	}

	private static String json(Object value) {
		return JsonSerdes.mapper().writeValueAsString(value);
	}

}
