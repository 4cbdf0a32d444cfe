package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * A rejected or unprocessable record with the reason, on
 * {@code fleetgrid.telemetry.dlt.v1}.
 *
 * @param key the record key (device id) if known
 * @param tenantId tenant if known
 * @param source where it was rejected (for example {@code ingest-http},
 * {@code ingest-mqtt}, {@code stream-processor})
 * @param reason human-readable reason
 * @param receivedAt when it was rejected
 * @param payload the original payload as text (possibly truncated)
 */
public record DeadLetter(String key, String tenantId, String source, String reason, Instant receivedAt,
		String payload) {
}
