package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * A level alert raised while a metric is below a minimum and cleared once it is back at
 * the minimum plus a hysteresis (fuel level, tyre pressure, for example).
 */
abstract class BelowMinimumDetector extends LevelDetector {

	BelowMinimumDetector(AlertType type, String metric) {
		super(type, metric);
	}

	/**
	 * How far above the minimum the value must rise to clear the alert.
	 * @param detection the event being processed
	 * @return the hysteresis, in the metric's unit
	 */
	abstract double hysteresis(Detection detection);

	@Override
	boolean breached(Detection detection, double value) {
		return value < limit(detection);
	}

	@Override
	boolean recovered(Detection detection, double value) {
		return value >= limit(detection) + hysteresis(detection);
	}

}
