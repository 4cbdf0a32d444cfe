package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Device registry snapshot on the compacted {@code fleetgrid.devices.v1} topic; a
 * tombstone (null value) deletes.
 *
 * @param deviceId tenant-unique device id
 * @param tenantId owning tenant
 * @param type device type
 * @param groupId fleet or site, may be null
 * @param active whether the device may send telemetry
 * @param attributes type-specific attributes (VIN, rated power, service interval, ...)
 * @param updatedAt last change
 */
public record DeviceSnapshot(String deviceId, String tenantId, DeviceType type, String groupId, boolean active,
		Map<String, Object> attributes, Instant updatedAt) {
}
