package io.fleetgrid.stream.api;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The devices whose states a caller may see, narrowed by the optional filters of the
 * request. Taken from the token only: the tenant always, and for role USER (below
 * FLEET_MANAGER) the caller's id, which must be among the device's
 * {@code assignedUserIds}. A device must be in the registry to be in scope (a deleted
 * device's last state is not listed).
 *
 * @param tenantId the caller's tenant
 * @param assignedTo the user the device must be assigned to, or null for the whole tenant
 * @param groupId only devices of this group, or null
 * @param deviceType only devices of this type, or null
 */
record DeviceScope(String tenantId, @Nullable String assignedTo, @Nullable String groupId,
		@Nullable DeviceType deviceType) {

	/**
	 * The scope of a caller.
	 * @param caller the caller (403 without a tenant)
	 * @param groupId optional group filter
	 * @param deviceType optional type filter, case-insensitive
	 * @return the scope
	 * @throws ResponseStatusException 400 for an unknown device type
	 */
	static DeviceScope of(Caller caller, @Nullable String groupId, @Nullable String deviceType) {
		String tenant = caller.tenant();
		String assignedTo = caller.has(Role.FLEET_MANAGER) ? null : caller.subject();
		return new DeviceScope(tenant, assignedTo, blankToNull(groupId), type(deviceType));
	}

	/**
	 * Whether a registered device is in scope.
	 * @param device the registry entry, or null
	 * @return true if the caller may see it and it matches the filters
	 */
	boolean admits(@Nullable DeviceSnapshot device) {
		return device != null && this.tenantId.equals(device.tenantId())
				&& (this.assignedTo == null || device.assignedUserIds().contains(this.assignedTo))
				&& (this.groupId == null || this.groupId.equals(device.groupId()))
				&& (this.deviceType == null || this.deviceType == device.type());
	}

	/**
	 * Whether a state is in scope.
	 * @param state the state
	 * @param device the state's device in the registry, or null
	 * @return true if both belong to the caller's tenant and the device is in scope
	 */
	boolean admits(DeviceState state, @Nullable DeviceSnapshot device) {
		return this.tenantId.equals(state.tenantId()) && admits(device);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable DeviceType type(@Nullable String value) {
		String type = blankToNull(value);
		if (type == null) {
			return null;
		}
		try {
			return DeviceType.valueOf(type.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"deviceType must be one of " + Arrays.toString(DeviceType.values()) + ", not '" + type + "'");
		}
	}

}
