package io.fleetgrid.device.registry;

import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;

/**
 * A device as the REST API shows it (never the credential).
 *
 * @param id device id
 * @param type device type
 * @param name display name
 * @param groupId group, or null
 * @param tags tags
 * @param assignedUserIds assigned users
 * @param active whether ingest accepts it
 * @param vehicle vehicle attributes, or null
 * @param energy energy attributes, or null
 * @param createdAt registration time
 * @param updatedAt last change
 * @param lastSeenAt last telemetry, or null
 * @param credentialIssuedAt when the current token was issued, or null if revoked
 */
public record DeviceView(String id, DeviceType type, String name, String groupId, List<String> tags,
		List<String> assignedUserIds, boolean active, VehicleProfile vehicle, EnergyProfile energy, Instant createdAt,
		Instant updatedAt, Instant lastSeenAt, Instant credentialIssuedAt) {

	static DeviceView of(Device device) {
		return new DeviceView(device.id(), device.type(), device.name(), device.groupId(), device.tags(),
				device.assignedUserIds(), device.active(), device.vehicle(), device.energy(), device.createdAt(),
				device.updatedAt(), device.lastSeenAt(), device.credentialIssuedAt());
	}

}
