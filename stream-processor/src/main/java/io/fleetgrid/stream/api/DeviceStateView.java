package io.fleetgrid.stream.api;

import java.util.List;
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

	/**
	 * The latest states of some devices, of any tenant.
	 * @param deviceIds devices
	 * @return the states of those that sent data, in the order of {@code deviceIds}
	 * @throws StateUnavailableException while the view is not queryable
	 */
	default List<DeviceState> findAll(List<String> deviceIds) {
		return deviceIds.stream().map(this::find).flatMap(Optional::stream).toList();
	}

}
