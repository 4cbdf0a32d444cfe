package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code LOW_TIRE_PRESSURE}: Lowest tyre pressure below the group's minimum
 * (`tirePressureMinKpa`); clears above the minimum plus the pressure hysteresis.
 */
public final class LowTirePressureDetector extends BelowMinimumDetector {

	/** The detector. */
	public LowTirePressureDetector() {
		super(AlertType.LOW_TIRE_PRESSURE, "tirePressureKpa");
	}

	@Override
	double hysteresis(Detection detection) {
		return detection.settings().pressureHysteresisKpa();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().tirePressureMinKpa();
	}

	@Override
	String message(double value, double limit) {
		return "Tyre pressure %s kPa below the minimum of %s kPa".formatted(format(value), format(limit));
	}

}
