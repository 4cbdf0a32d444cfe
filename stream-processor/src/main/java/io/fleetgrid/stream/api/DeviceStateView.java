package io.fleetgrid.stream.api;

import java.util.Optional;

import io.fleetgrid.contracts.event.DeviceState;

/**
 * Where the latest device states are read from.
 */
public interface DeviceStateView {

	/**
	 * The latest state of a device, of any tenant.
	 * @param deviceId device
	 * @return the state, or empty if the device never sent data
	 * @throws StateUnavailableException while the view is not queryable (starting,
	 * restoring)
	 */
	Optional<DeviceState> find(String deviceId);

}
