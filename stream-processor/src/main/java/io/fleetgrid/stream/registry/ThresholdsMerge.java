package io.fleetgrid.stream.registry;

import io.fleetgrid.contracts.event.RuleSettings.Thresholds;

/**
 * Field-by-field fallback of thresholds: the first level that sets a field wins.
 */
final class ThresholdsMerge {

	private ThresholdsMerge() {
	}

	static Thresholds merge(Thresholds group, Thresholds tenant, Thresholds platform) {
		Thresholds g = (group != null) ? group : Thresholds.NONE;
		Thresholds t = (tenant != null) ? tenant : Thresholds.NONE;
		if (g == Thresholds.NONE && t == Thresholds.NONE) {
			return platform;
		}
		Thresholds p = platform;
		return new Thresholds(first(g.speedLimitKph(), t.speedLimitKph(), p.speedLimitKph()),
				first(g.overspeedMinSeconds(), t.overspeedMinSeconds(), p.overspeedMinSeconds()),
				first(g.harshBrakingMps2(), t.harshBrakingMps2(), p.harshBrakingMps2()),
				first(g.harshAccelerationMps2(), t.harshAccelerationMps2(), p.harshAccelerationMps2()),
				first(g.coolantMaxC(), t.coolantMaxC(), p.coolantMaxC()),
				first(g.oilPressureMinKpa(), t.oilPressureMinKpa(), p.oilPressureMinKpa()),
				first(g.tirePressureMinKpa(), t.tirePressureMinKpa(), p.tirePressureMinKpa()),
				first(g.fuelMinPct(), t.fuelMinPct(), p.fuelMinPct()),
				first(g.offlineAfterMinutes(), t.offlineAfterMinutes(), p.offlineAfterMinutes()),
				first(g.batterySocMinPct(), t.batterySocMinPct(), p.batterySocMinPct()),
				first(g.inverterTempMaxC(), t.inverterTempMaxC(), p.inverterTempMaxC()),
				first(g.productionDropPct(), t.productionDropPct(), p.productionDropPct()),
				first(g.gridVoltageMinV(), t.gridVoltageMinV(), p.gridVoltageMinV()),
				first(g.gridVoltageMaxV(), t.gridVoltageMaxV(), p.gridVoltageMaxV()),
				first(g.gridFrequencyMinHz(), t.gridFrequencyMinHz(), p.gridFrequencyMinHz()),
				first(g.gridFrequencyMaxHz(), t.gridFrequencyMaxHz(), p.gridFrequencyMaxHz()));
	}

	private static <T> T first(T group, T tenant, T platform) {
		return (group != null) ? group : (tenant != null) ? tenant : platform;
	}

}
