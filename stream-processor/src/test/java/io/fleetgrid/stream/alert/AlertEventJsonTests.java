package io.fleetgrid.stream.alert;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.JsonSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEventJsonTests {

	@Test
	void writesTheBytesTheContractsMapperWritesForRandomAlertSteps() {
		Random random = new Random(11);
		for (int i = 0; i < 3_000; i++) {
			AlertEvent alert = randomAlert(random);

			byte[] written = AlertEventJson.write(alert);

			assertThat(new String(written, StandardCharsets.UTF_8)).as("alert %d", i)
				.isEqualTo(new String(JsonSerdes.mapper().writeValueAsBytes(alert), StandardCharsets.UTF_8));
			assertThat(JsonSerdes.mapper().readValue(written, AlertEvent.class).alertId()).isEqualTo(alert.alertId());
		}
	}

	@Test
	void detailsWithANumberTypeOfItsOwnAreWrittenByTheMapper() {
		AlertEvent alert = new AlertEvent("a-1", "acme", "veh-1", null, AlertType.OVERSPEED,
				AlertEvent.Severity.WARNING, AlertEvent.Status.RAISED, null, Instant.EPOCH, null, Instant.EPOCH, 1,
				null, Map.of("location", Map.of("lat", new BigDecimal("52.5200001"), "lon", 13.4)), null);

		assertThat(new String(AlertEventJson.write(alert), StandardCharsets.UTF_8))
			.isEqualTo(new String(JsonSerdes.mapper().writeValueAsBytes(alert), StandardCharsets.UTF_8))
			.contains("52.5200001");
	}

	private static AlertEvent randomAlert(Random random) {
		Instant started = JsonSamples.instant(random);
		Instant ts = started.plusMillis(random.nextInt(100_000));
		AlertEvent.Status status = AlertEvent.Status.values()[random.nextInt(AlertEvent.Status.values().length)];
		Instant ended = (status == AlertEvent.Status.CLEARED || random.nextInt(5) == 0)
				? ts.plusNanos(random.nextInt(1_000_000_000)) : null;
		AlertEvent.Acknowledgement acknowledgement = (status == AlertEvent.Status.ACKNOWLEDGED
				|| random.nextInt(5) == 0)
						? new AlertEvent.Acknowledgement("user-" + JsonSamples.text(random),
								JsonSamples.instant(random), random.nextBoolean() ? JsonSamples.text(random) : null)
						: null;
		return new AlertEvent("alert-" + random.nextLong(), "tenant-" + random.nextInt(5),
				"dev-" + JsonSamples.text(random), random.nextBoolean() ? "fleet-" + random.nextInt(9) : null,
				AlertType.known().get(random.nextInt(AlertType.known().size())),
				AlertEvent.Severity.values()[random.nextInt(AlertEvent.Severity.values().length)], status,
				random.nextBoolean() ? "g-" + random.nextInt(100) : null, started, ended, ts, 1 + random.nextInt(50),
				random.nextBoolean() ? JsonSamples.text(random) : null, randomObject(random, 2), acknowledgement);
	}

	private static Map<String, Object> randomObject(Random random, int depth) {
		Map<String, Object> map = (random.nextBoolean()) ? new LinkedHashMap<>() : new HashMap<>();
		for (int m = random.nextInt(8); m > 0; m--) {
			map.put(JsonSamples.text(random) + m, randomValue(random, depth));
		}
		return map;
	}

	private static Object randomValue(Random random, int depth) {
		return switch (random.nextInt((depth > 0) ? 13 : 11)) {
			case 0 -> random.nextDouble() * 200 - 100;
			case 1 -> (double) random.nextInt(1_000);
			case 2 -> random.nextBoolean();
			case 3 -> random.nextLong() >> random.nextInt(64);
			case 4 -> JsonSamples.text(random);
			case 5 -> random.nextInt();
			case 6 -> Float.valueOf(random.nextFloat() * 1000);
			case 7 -> null;
			case 8 -> Byte.valueOf((byte) random.nextInt(256));
			case 9 -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
			case 10 -> Short.valueOf((short) random.nextInt(60_000));
			case 11 -> randomObject(random, depth - 1);
			default -> {
				List<Object> items = new ArrayList<>();
				for (int n = random.nextInt(4); n > 0; n--) {
					items.add(randomValue(random, depth - 1));
				}
				yield items;
			}
		};
	}

}
