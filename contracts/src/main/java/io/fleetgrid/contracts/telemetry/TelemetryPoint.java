package io.fleetgrid.contracts.telemetry;

import java.time.Instant;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;

/**
 * One valid event from a device, before enrichment.
 *
 * @param ts event time
 * @param seq the device's sequence number, or null
 * @param metrics metric name to value: {@link Long} or {@link Double} for numbers,
 * {@link Boolean}, {@link String}, or an unmodifiable {@code List<String>}; in the order
 * the device sent them
 */
public record TelemetryPoint(Instant ts, Long seq, Map<String, Object> metrics) {

	public TelemetryPoint {
		if (ts == null) {
			throw new IllegalArgumentException("ts is required");
		}
		if (seq != null && seq < 0) {
			throw new IllegalArgumentException("seq must be >= 0: " + seq);
		}
		metrics = MetricValues.copyOf(metrics);
	}

	/**
	 * The event ingest writes to the telemetry topic.
	 * @param deviceId the authenticated device
	 * @param tenantId its tenant
	 * @param deviceType its type
	 * @param receivedAt when ingest received it
	 * @return the enriched event
	 */
	public TelemetryEvent toEvent(String deviceId, String tenantId, DeviceType deviceType, Instant receivedAt) {
		return new TelemetryEvent(deviceId, tenantId, deviceType, this.ts, this.seq, receivedAt, this.metrics);
	}

}
