package io.fleetgrid.stream.detect;

import io.fleetgrid.contracts.event.AlertType;

/**
 * A level alert raised while a metric is above a maximum and cleared once it is below the
 * maximum by more than a hysteresis (temperatures, for example).
 */
abstract class AboveMaximumDetector extends LevelDetector {

	AboveMaximumDetector(AlertType type, String metric) {
		super(type, metric);
	}

	/**
	 * How far below the maximum the value must fall to clear the alert.
	 * @param detection the event being processed
	 * @return the hysteresis, in the metric's unit
	 */
	abstract double hysteresis(Detection detection);

	@Override
	boolean breached(Detection detection, double value) {
		return value > limit(detection);
	}

	@Override
	boolean recovered(Detection detection, double value) {
		return value < limit(detection) - hysteresis(detection);
	}

}
