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

	/** A listener that wants no state. */
	StateViewListener NONE = new StateViewListener() {

		@Override
		public boolean wants(String deviceId) {
			return false;
		}

		@Override
		public void onState(DeviceState state) {
		}

	};

	/**
	 * Whether the listener wants the new state of a device: the view holds states as JSON
	 * and reads one only for a listener that wants it. Called on the global stream
	 * thread; must be cheap.
	 * @param deviceId the device
	 * @return true to get {@link #onState}
	 */
	default boolean wants(String deviceId) {
		return true;
	}

	/**
	 * A new state of a device that {@link #wants} said it wants.
	 * @param state the state as now held by the view
	 */
	void onState(DeviceState state);

}
