package io.fleetgrid.simulator.model;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.fleetgrid.contracts.telemetry.TelemetryValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnergySiteModelTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final Instant MIDNIGHT = Instant.parse("2026-06-20T22:00:00Z");

	@Test
	void producesNoPvPowerAtNightAndMostAroundMidday() {
		assertThat(EnergySiteModel.clearSky(3)).isZero();
		assertThat(EnergySiteModel.clearSky(22)).isZero();
		assertThat(EnergySiteModel.clearSky(13)).isGreaterThan(EnergySiteModel.clearSky(9))
			.isGreaterThan(EnergySiteModel.clearSky(18));
		List<Map<String, Object>> day = day(11);
		assertThat((double) day.get(3 * 60).get("pvPowerW")).isZero();
		double noon = day.subList(12 * 60, 14 * 60)
			.stream()
			.mapToDouble((m) -> (double) m.get("pvPowerW"))
			.max()
			.orElseThrow();
		assertThat(noon).isGreaterThan(1_000);
	}

	@Test
	void chargesTheBatteryFromTheSurplusAndBalancesTheGrid() {
		List<Map<String, Object>> day = day(12);
		assertThat(day).allSatisfy((m) -> {
			double pv = (double) m.get("pvPowerW");
			double battery = (double) m.get("batteryPowerW");
			double ac = (double) m.get("acPowerW");
			assertThat(ac).isCloseTo(pv - battery, org.assertj.core.data.Offset.offset(1.5));
			assertThat((double) m.get("batterySocPct")).isBetween(0.0, 100.0);
		});
		double socAtNoon = (double) day.get(11 * 60).get("batterySocPct");
		double socAtFive = (double) day.get(17 * 60).get("batterySocPct");
		assertThat(socAtFive).isGreaterThanOrEqualTo(socAtNoon);
		// The last minute is local midnight again, when the daily yield starts over.
		assertThat((double) day.get(day.size() - 2).get("dailyYieldKwh")).isGreaterThan(2.0);
		assertThat((double) day.get(day.size() - 1).get("dailyYieldKwh")).isZero();
	}

	@Test
	void producesEventsTheContractValidatorAccepts() {
		SimulatedDevice site = SimulatedDevice.create(new DeviceCredential("inv-1", "t", "INVERTER"), 7, MIDNIGHT, 0,
				0);
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 288; i++) {
			events.add(site.nextEvent(MIDNIGHT.plusSeconds(i * 300L)));
		}
		TelemetryValidator validator = new TelemetryValidator(
				Clock.fixed(MIDNIGHT.plusSeconds(86_400), ZoneOffset.UTC));
		assertThat(validator.validate(EventJson.batch(events).getBytes(StandardCharsets.UTF_8), "inv-1").accepted())
			.isTrue();
	}

	private static List<Map<String, Object>> day(long seed) {
		EnergySiteModel site = new EnergySiteModel(new SplittableRandom(seed), BERLIN, MIDNIGHT);
		List<Map<String, Object>> minutes = new ArrayList<>();
		for (int minute = 1; minute <= 24 * 60; minute++) {
			minutes.add(site.step(MIDNIGHT.plusSeconds(minute * 60L)));
		}
		return minutes;
	}

}
