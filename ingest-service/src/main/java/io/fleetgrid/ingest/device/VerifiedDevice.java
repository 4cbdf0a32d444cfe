package io.fleetgrid.ingest.device;

import io.fleetgrid.contracts.event.DeviceType;

/**
 * A device whose credentials device-service confirmed (the fields ingest reads of its
 * answer).
 *
 * @param deviceId the device
 * @param tenantId its tenant
 * @param type its type
 * @param active whether it may send telemetry
 */
public record VerifiedDevice(String deviceId, String tenantId, DeviceType type, boolean active) {
}
