package io.fleetgrid.notification.directory;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What this service knows about a device: its group and assigned users.
 *
 * @param tenantId tenant
 * @param deviceId device
 * @param groupId group (fleet or site), or null
 * @param assignedUserIds users assigned to the device
 */
public record DeviceInfo(String tenantId, String deviceId, @Nullable String groupId, Set<String> assignedUserIds) {

	public DeviceInfo {
		assignedUserIds = Set.copyOf(assignedUserIds);
	}

}
