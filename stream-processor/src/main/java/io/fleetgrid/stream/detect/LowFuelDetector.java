package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code LOW_FUEL}: Fuel level below the group's minimum (`fuelMinPct`); clears above the
 * minimum plus the percent hysteresis (refuelling).
 */
public final class LowFuelDetector extends LevelDetector {

	/** The detector. */
	public LowFuelDetector() {
		super(AlertType.LOW_FUEL, "fuelLevelPct");
	}

	@Override
	boolean breached(Detection detection, double value) {
		return value < limit(detection);
	}

	@Override
	boolean recovered(Detection detection, double value) {
		return value >= limit(detection) + detection.settings().percentHysteresis();
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
