package io.fleetgrid.stream.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.stream.geo.SolarPosition;

/**
 * {@code PRODUCTION_DROP}: PV power far below a clear-sky estimate for the site. Expected
 * power = peak power (kWp) × clear-sky irradiance (Haurwitz, from the sun's elevation at
 * the site and time, see {@link SolarPosition}) / 1000 W/m² × {@code performanceRatio}.
 * Raised when actual power stays more than {@code productionDropPct} % below the expected
 * for {@code productionDropMinMinutes}, only while the sun is higher than
 * {@code productionMinElevationDeg} (low sun and clouds make the estimate meaningless);
 * cleared when production is back above the threshold or the sun sets. Horizontal
 * irradiance ignores panel tilt and weather, so this finds outages and heavy soiling, not
 * small losses.
 */
public final class ProductionDropDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		EnergyProfile energy = detection.device().energy();
		OptionalDouble power = detection.number("pvPowerW");
		if (energy == null || energy.pvPeakKwp() == null || energy.site() == null || power.isEmpty()) {
			return;
		}
		DeviceMemory memory = detection.memory();
		double elevation = SolarPosition.elevationDeg(energy.site(), detection.ts());
		double expectedW = energy.pvPeakKwp() * SolarPosition.clearSkyGhi(elevation)
				* detection.settings().performanceRatio();
		double floorW = expectedW * (1 - detection.thresholds().productionDropPct() / 100);
		boolean daylight = elevation >= detection.settings().productionMinElevationDeg();
		boolean low = daylight && power.getAsDouble() < floorW;
		boolean active = detection.alerts().active(AlertType.PRODUCTION_DROP, null) != null;
		if (!low) {
			memory.productionLowSince = null;
			if (active) {
				detection.alerts()
					.clear(AlertType.PRODUCTION_DROP, null, detection.ts(), detection.ts(), null,
							details(power.getAsDouble(), expectedW, elevation));
			}
			return;
		}
		if (memory.productionLowSince == null) {
			memory.productionLowSince = detection.ts();
		}
		if (!active && Detection.seconds(memory.productionLowSince,
				detection.ts()) >= detection.settings().productionDropMinMinutes() * 60.0) {
			detection.alerts()
				.raise(AlertType.PRODUCTION_DROP, null, memory.productionLowSince, detection.ts(),
						String.format(Locale.ROOT, "PV power %.0f W, expected about %.0f W under clear sky",
								power.getAsDouble(), expectedW),
						details(power.getAsDouble(), expectedW, elevation));
		}
	}

	private static Map<String, Object> details(double actualW, double expectedW, double elevation) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("pvPowerW", actualW);
		details.put("expectedPowerW", Math.round(expectedW * 10) / 10.0);
		details.put("sunElevationDeg", Math.round(elevation * 10) / 10.0);
		return details;
	}

}
