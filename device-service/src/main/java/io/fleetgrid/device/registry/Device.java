package io.fleetgrid.device.registry;

import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;

/**
 * A registered device as stored.
 *
 * @param tenantId owning tenant
 * @param id device id, unique platform-wide (see the V2 migration)
 * @param type device type
 * @param name display name
 * @param groupId fleet or site, or null
 * @param tags free-form tags
 * @param assignedUserIds users (subjects) with role USER who may see the device
 * @param active whether ingest accepts its telemetry
 * @param vehicle vehicle attributes (VEHICLE only), or null
 * @param energy energy attributes (INVERTER, BATTERY, METER only), or null
 * @param createdAt registration time
 * @param updatedAt last change
 * @param lastSeenAt last telemetry seen, or null
 * @param credentialIssuedAt when the current token was issued, or null if revoked
 */
public record Device(String tenantId, String id, DeviceType type, String name, String groupId, List<String> tags,
		List<String> assignedUserIds, boolean active, VehicleProfile vehicle, EnergyProfile energy, Instant createdAt,
		Instant updatedAt, Instant lastSeenAt, Instant credentialIssuedAt) {

	public Device {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		assignedUserIds = (assignedUserIds != null) ? List.copyOf(assignedUserIds) : List.of();
	}

	/**
	 * The registry snapshot published on {@code fleetgrid.devices.v1}.
	 * @return the snapshot
	 */
	public DeviceSnapshot snapshot() {
		return new DeviceSnapshot(this.id, this.tenantId, this.type, this.name, this.groupId, this.tags,
				this.assignedUserIds, this.active, this.vehicle, this.energy, this.createdAt, this.updatedAt);
	}

}
