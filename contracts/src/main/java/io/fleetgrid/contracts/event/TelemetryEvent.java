package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Accepted telemetry as written by ingest to {@code fleetgrid.telemetry.v1} (key
 * deviceId), enriched with tenant, device type and receive time. Only events that passed
 * the contract's validation are written, so readers can rely on the metric value types
 * described in {@link MetricValues}.
 *
 * @param deviceId authenticated device
 * @param tenantId owning tenant
 * @param deviceType kind of device
 * @param ts event time, as sent by the device
 * @param seq the device's sequence number, or null if it sent none
 * @param receivedAt when ingest received it
 * @param metrics metric name to value (number, boolean, text or list of text), in the
 * order the device sent them
 */
public record TelemetryEvent(String deviceId, String tenantId, DeviceType deviceType, Instant ts, Long seq,
		Instant receivedAt, Map<String, Object> metrics) {

	public TelemetryEvent {
		Fields.requiredText(deviceId, "deviceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(deviceType, "deviceType");
		Fields.required(ts, "ts");
		Fields.required(receivedAt, "receivedAt");
		if (seq != null && seq < 0) {
			throw new IllegalArgumentException("seq must be >= 0: " + seq);
		}
		metrics = MetricValues.copyOf(metrics);
	}

	/**
	 * A numeric metric.
	 * @param metric metric name, for example {@code speedKph}
	 * @return its value, or empty if absent or not a number
	 */
	public OptionalDouble number(String metric) {
		return (this.metrics.get(metric) instanceof Number value) ? OptionalDouble.of(value.doubleValue())
				: OptionalDouble.empty();
	}

	/**
	 * A boolean metric.
	 * @param metric metric name, for example {@code ignition}
	 * @return its value, or empty if absent or not a boolean
	 */
	public Optional<Boolean> flag(String metric) {
		return (this.metrics.get(metric) instanceof Boolean value) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * A text metric.
	 * @param metric metric name
	 * @return its value, or empty if absent or not text
	 */
	public Optional<String> text(String metric) {
		return (this.metrics.get(metric) instanceof String value) ? Optional.of(value) : Optional.empty();
	}

	/**
	 * A list-of-text metric.
	 * @param metric metric name, for example {@code dtcCodes}
	 * @return its items, or an empty list if absent or not a list
	 */
	@SuppressWarnings("unchecked")
	public List<String> textList(String metric) {
		return (this.metrics.get(metric) instanceof List<?> value) ? (List<String>) value : List.of();
	}

}
