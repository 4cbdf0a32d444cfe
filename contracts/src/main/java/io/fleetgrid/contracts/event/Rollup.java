package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Per-minute or per-hour aggregate of one device's metrics on
 * {@code fleetgrid.rollups.v1}.
 *
 * @param deviceId device
 * @param tenantId tenant
 * @param resolution {@code 1m} or {@code 1h}
 * @param windowStart window start
 * @param windowEnd window end
 * @param count number of events
 * @param metrics per numeric metric: min, max, avg, last
 */
public record Rollup(String deviceId, String tenantId, String resolution, Instant windowStart, Instant windowEnd,
		long count, Map<String, Map<String, Double>> metrics) {
}
