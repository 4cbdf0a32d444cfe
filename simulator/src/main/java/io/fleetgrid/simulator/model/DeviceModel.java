package io.fleetgrid.simulator.model;

import java.time.Instant;
import java.util.Map;

/**
 * A simulated device: advances its physical state and reports metrics.
 */
public interface DeviceModel {

	/**
	 * Advances the state to {@code now} and returns the metrics a device would send.
	 * @param now the simulated time (not before the previous call)
	 * @return metric name to value (numbers, booleans, text, lists of text), in a stable
	 * order
	 */
	Map<String, Object> step(Instant now);

}
