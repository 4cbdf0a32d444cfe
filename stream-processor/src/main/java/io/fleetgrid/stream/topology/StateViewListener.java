package io.fleetgrid.stream.topology;

import io.fleetgrid.contracts.event.DeviceState;

/**
 * Told about every device state written to the global
 * {@value FleetGridTopology#STATE_VIEW_STORE} store, right after the write, on the global
 * stream thread: an implementation must return quickly and never block (hand the state
 * over and return). Records restored at start-up are not replayed.
 */
@FunctionalInterface
public interface StateViewListener {

	/** A listener that ignores every state. */
	StateViewListener NONE = (state) -> {
	};

	/**
	 * A new state of a device.
	 * @param state the state as now held by the view
	 */
	void onState(DeviceState state);

}
