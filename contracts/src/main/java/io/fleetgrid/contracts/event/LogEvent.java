package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * One structured application log line on {@code fleetgrid.logs.v1} (key service).
 *
 * @param ts when
 * @param service emitting service
 * @param instance service instance
 * @param level log level
 * @param logger logger name
 * @param thread thread name
 * @param message formatted message
 * @param stackTrace stack trace if any
 * @param traceId trace id if known
 * @param spanId span id if known
 * @param tenantId tenant if known
 * @param deviceId device if known
 */
public record LogEvent(Instant ts, String service, String instance, String level, String logger, String thread,
		String message, String stackTrace, String traceId, String spanId, String tenantId, String deviceId) {
}
