package io.fleetgrid.stream.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.JsonSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeviceStateJsonTests {

	@Test
	void writesTheBytesTheContractsMapperWritesForRandomStates() {
		Random random = new Random(7);
		for (int i = 0; i < 3_000; i++) {
			DeviceState state = randomState(random);

			byte[] written = DeviceStateJson.write(state);

			assertThat(new String(written, StandardCharsets.UTF_8))
				.isEqualTo(new String(JsonSerdes.mapper().writeValueAsBytes(state), StandardCharsets.UTF_8));
			assertThat(JsonSerdes.mapper().readValue(written, DeviceState.class)).isEqualTo(state);
		}
	}

	@Test
	void writesInstantsAsTheirIsoTextAlsoBeforeYearOneThousandAndAfterTenThousand() {
		for (Instant ts : new Instant[] { Instant.EPOCH, Instant.parse("0001-01-01T00:00:00Z"),
				Instant.parse("0999-12-31T23:59:59.5Z"), Instant.parse("2026-02-28T23:59:59.999999999Z"),
				Instant.parse("2028-02-29T12:00:00.000001Z"), Instant.parse("9999-12-31T23:59:59.010Z"),
				Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-30T10:00:00Z"), Instant.MAX,
				Instant.MIN }) {
			DeviceState state = new DeviceState("veh-1", "acme", DeviceType.VEHICLE, ts, null, null, null, null, null,
					null, null, List.of(), Map.of(), ts);

			assertThat(new String(DeviceStateJson.write(state), StandardCharsets.UTF_8)).as("%s", ts)
				.contains("\"lastSeen\":\"" + ts + "\"")
				.isEqualTo(new String(JsonSerdes.mapper().writeValueAsBytes(state), StandardCharsets.UTF_8));
		}
	}

	@Test
	void aTextWithAnUnpairedSurrogateIsRefused() {
		DeviceState state = new DeviceState("veh-1", "acme", DeviceType.VEHICLE, Instant.EPOCH, null, null, null, null,
				null, null, null, List.of(), Map.of("note", "broken \uD800 text"), Instant.EPOCH);

		assertThatIllegalArgumentException().isThrownBy(() -> DeviceStateJson.write(state))
			.withMessageContaining("unpaired surrogate");
	}

	private static DeviceState randomState(Random random) {
		Map<String, Object> metrics = new LinkedHashMap<>();
		int count = random.nextInt(12);
		for (int m = 0; m < count; m++) {
			Object value = switch (random.nextInt(7)) {
				case 0 -> random.nextDouble() * 200 - 100;
				case 1 -> (double) random.nextInt(1_000);
				case 2 -> random.nextBoolean();
				case 3 -> random.nextLong() >> random.nextInt(64);
				case 4 -> JsonSamples.text(random);
				case 5 -> List.of(JsonSamples.text(random), "P0" + random.nextInt(999));
				default -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
			};
			metrics.put((m % 3 == 0) ? "metric" + m : JsonSamples.text(random) + m, value);
		}
		List<AlertType> alerts = new ArrayList<>();
		for (int a = random.nextInt(4); a > 0; a--) {
			alerts.add(AlertType.known().get(random.nextInt(AlertType.known().size())));
		}
		Instant seen = JsonSamples.instant(random);
		return new DeviceState(JsonSamples.text(random) + "dev", "tenant-" + random.nextInt(5),
				DeviceType.values()[random.nextInt(DeviceType.values().length)], seen,
				random.nextBoolean() ? new GeoPoint(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180)
						: null,
				maybe(random, random.nextDouble() * 200), maybe(random, (double) random.nextInt(360)),
				random.nextBoolean() ? random.nextBoolean() : null, maybe(random, random.nextDouble() * 100),
				maybe(random, 1e-7 * random.nextInt(100)), maybe(random, random.nextDouble() * 1e9), alerts, metrics,
				seen.plusMillis(random.nextInt(10_000)));
	}

	private static Double maybe(Random random, double value) {
		return random.nextBoolean() ? value : null;
	}

}
