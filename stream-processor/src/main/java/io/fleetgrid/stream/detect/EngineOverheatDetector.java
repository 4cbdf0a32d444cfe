package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code ENGINE_OVERHEAT}: Coolant temperature above the group's maximum (`coolantMaxC`);
 * clears below the maximum minus the temperature hysteresis.
 */
public final class EngineOverheatDetector extends AboveMaximumDetector {

	/** The detector. */
	public EngineOverheatDetector() {
		super(AlertType.ENGINE_OVERHEAT, "coolantTempC");
	}

	@Override
	double hysteresis(Detection detection) {
		return detection.settings().temperatureHysteresisC();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().coolantMaxC();
	}

	@Override
	String message(double value, double limit) {
		return "Coolant temperature %s °C above the maximum of %s °C".formatted(format(value), format(limit));
	}

}
