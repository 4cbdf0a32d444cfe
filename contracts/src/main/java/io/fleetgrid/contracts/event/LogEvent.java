package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * One structured application log line on {@code fleetgrid.logs.v1} (key service).
 *
 * @param ts when
 * @param service emitting service
 * @param instance service instance
 * @param level log level ({@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG},
 * {@code TRACE})
 * @param logger logger name
 * @param thread thread name
 * @param message formatted message
 * @param stackTrace stack trace, or null
 * @param traceId trace id, or null
 * @param spanId span id, or null
 * @param tenantId tenant, or null
 * @param deviceId device, or null
 */
public record LogEvent(Instant ts, String service, String instance, String level, String logger, String thread,
		String message, String stackTrace, String traceId, String spanId, String tenantId, String deviceId) {

	public LogEvent {
		Fields.required(ts, "ts");
		Fields.requiredText(service, "service");
		Fields.requiredText(level, "level");
		Fields.required(message, "message");
	}

}
