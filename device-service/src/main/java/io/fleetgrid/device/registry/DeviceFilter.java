package io.fleetgrid.device.registry;

import io.fleetgrid.contracts.event.DeviceType;

/**
 * Search criteria for devices; null means "any".
 *
 * @param visibleTo only devices assigned to this user (role USER), or null for all
 * @param type device type
 * @param groupId group
 * @param active active flag
 * @param tag a tag the device carries
 * @param query text contained in the id or name (case-insensitive)
 */
public record DeviceFilter(String visibleTo, DeviceType type, String groupId, Boolean active, String tag,
		String query) {

	/** No criteria. */
	public static final DeviceFilter ALL = new DeviceFilter(null, null, null, null, null, null);

}
