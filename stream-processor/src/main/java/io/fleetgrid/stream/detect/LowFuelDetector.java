package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code LOW_FUEL}: Fuel level below the group's minimum (`fuelMinPct`); clears above the
 * minimum plus the percent hysteresis (refuelling).
 */
public final class LowFuelDetector extends BelowMinimumDetector {

	/** The detector. */
	public LowFuelDetector() {
		super(AlertType.LOW_FUEL, "fuelLevelPct");
	}

	@Override
	double hysteresis(Detection detection) {
		return detection.settings().percentHysteresis();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().fuelMinPct();
	}

	@Override
	String message(double value, double limit) {
		return "Fuel level %s %% below the minimum of %s %%".formatted(format(value), format(limit));
	}

}
