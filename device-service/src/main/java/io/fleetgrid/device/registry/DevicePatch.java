package io.fleetgrid.device.registry;

import java.util.List;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;

/**
 * Body of {@code PATCH /api/v1/devices/{id}}: every field is optional, an absent (null)
 * field stays as it is. Id and type cannot change; the active flag changes through
 * activate/deactivate.
 *
 * @param name new display name
 * @param groupId new group; the empty string removes the device from its group
 * @param tags new tags (replace the old ones)
 * @param assignedUserIds new assigned users (replace the old ones)
 * @param vehicle new vehicle attributes (replace the old ones)
 * @param energy new energy attributes (replace the old ones)
 */
public record DevicePatch(String name, String groupId, List<String> tags, List<String> assignedUserIds,
		VehicleProfile vehicle, EnergyProfile energy) {

}
