package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code LOW_OIL_PRESSURE}: oil pressure below the group's minimum
 * ({@code oilPressureMinKpa}) while the engine runs (engine speed above
 * {@code engineRunningRpm}, or, without an rpm reading, ignition on). A stopped engine
 * has no oil pressure and is never an alert; stopping the engine clears it.
 */
public final class LowOilPressureDetector extends BelowMinimumDetector {

	/** The detector. */
	public LowOilPressureDetector() {
		super(AlertType.LOW_OIL_PRESSURE, "oilPressureKpa");
	}

	private static boolean engineRunning(Detection detection) {
		var rpm = detection.number("engineRpm");
		if (rpm.isPresent()) {
			return rpm.getAsDouble() > detection.settings().engineRunningRpm();
		}
		return detection.event().flag("ignition").orElse(false);
	}

	@Override
	boolean breached(Detection detection, double value) {
		return engineRunning(detection) && super.breached(detection, value);
	}

	@Override
	boolean recovered(Detection detection, double value) {
		return !engineRunning(detection) || super.recovered(detection, value);
	}

	@Override
	double hysteresis(Detection detection) {
		return detection.settings().pressureHysteresisKpa();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().oilPressureMinKpa();
	}

	@Override
	String message(double value, double limit) {
		return "Oil pressure %s kPa below the minimum of %s kPa with the engine running".formatted(format(value),
				format(limit));
	}

}
