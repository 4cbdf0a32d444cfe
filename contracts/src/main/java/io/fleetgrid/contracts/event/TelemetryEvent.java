package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Accepted telemetry as written by ingest to {@code fleetgrid.telemetry.v1}, enriched
 * with tenant, device type and receive time.
 *
 * @param deviceId authenticated device
 * @param tenantId owning tenant
 * @param deviceType kind of device
 * @param ts event time
 * @param seq optional per-device sequence number (may be null)
 * @param receivedAt when ingest received it
 * @param metrics metric name to value (number, boolean, string or list of strings)
 */
public record TelemetryEvent(String deviceId, String tenantId, DeviceType deviceType, Instant ts, Long seq,
		Instant receivedAt, Map<String, Object> metrics) {
}
