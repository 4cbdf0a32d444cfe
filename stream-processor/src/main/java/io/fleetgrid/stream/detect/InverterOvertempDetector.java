package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code INVERTER_OVERTEMP}: Inverter temperature above the group's maximum
 * (`inverterTempMaxC`); clears below the maximum minus the temperature hysteresis.
 */
public final class InverterOvertempDetector extends AboveMaximumDetector {

	/** The detector. */
	public InverterOvertempDetector() {
		super(AlertType.INVERTER_OVERTEMP, "inverterTempC");
	}

	@Override
	double hysteresis(Detection detection) {
		return detection.settings().temperatureHysteresisC();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().inverterTempMaxC();
	}

	@Override
	String message(double value, double limit) {
		return "Inverter temperature %s °C above the maximum of %s °C".formatted(format(value), format(limit));
	}

}
