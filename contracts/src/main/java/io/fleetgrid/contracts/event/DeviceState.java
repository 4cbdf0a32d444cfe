package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Last known state of a device on the compacted {@code fleetgrid.device-state.v1} topic.
 *
 * @param deviceId device
 * @param tenantId tenant
 * @param deviceType device type
 * @param lastSeen event time of the newest telemetry
 * @param metrics latest value per metric
 * @param status derived status (for example MOVING, IDLE, OFFLINE, ALERTING)
 */
public record DeviceState(String deviceId, String tenantId, DeviceType deviceType, Instant lastSeen,
		Map<String, Object> metrics, String status) {
}
