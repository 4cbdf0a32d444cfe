package io.fleetgrid.device.registry;

import java.time.Instant;

/**
 * A group of devices of one tenant.
 *
 * @param tenantId owning tenant
 * @param id tenant-unique id
 * @param name display name
 * @param kind fleet or site
 * @param description free text, or null
 * @param createdAt when it was created
 * @param updatedAt last change
 */
public record DeviceGroup(String tenantId, String id, String name, GroupKind kind, String description,
		Instant createdAt, Instant updatedAt) {

}
