package io.fleetgrid.stream.rollup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollupAccumulatorCodecTests {

	private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void readsBackEveryFieldItWrote() throws Exception {
		RollupAccumulator accumulator = new RollupAccumulator();
		accumulator.add(event(0, Map.of("speedKph", 50.0, "lat", 52.5, "lon", 13.4, "pvPowerW", 1000.0)));
		accumulator.add(event(10, Map.of("speedKph", 70.0, "lat", 52.51, "lon", 13.4, "pvPowerW", 1200.0,
				"batterySocPct", 40.0, "coolantTempC", 91.0)));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			RollupAccumulatorCodec.writeBody(out, accumulator);
		}

		RollupAccumulator read = RollupAccumulatorCodec
			.readBody(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

		assertThat(json(read)).isEqualTo(json(accumulator));
	}

	private static TelemetryEvent event(int seconds, Map<String, Object> metrics) {
		Instant ts = T.plusSeconds(seconds);
		return new TelemetryEvent("d", "t", DeviceType.VEHICLE, ts, null, ts, MetricValues.copyOf(metrics));
	}

	private static String json(Object value) {
		return JsonSerdes.mapper().writeValueAsString(value);
	}

}
