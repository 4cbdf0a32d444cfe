package io.fleetgrid.contracts.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A rejected or unprocessable telemetry payload with the reason, on
 * {@code fleetgrid.telemetry.dlt.v1} (key deviceId when known).
 *
 * @param deviceId the device that sent it, or null if unknown
 * @param tenantId its tenant, or null if unknown
 * @param source where it was rejected, for example {@code ingest-mqtt},
 * {@code ingest-http} or {@code stream-processor}
 * @param reason human-readable reason
 * @param errors individual problems (for example one per invalid event), may be empty
 * @param receivedAt when it was received
 * @param payload the original payload decoded as UTF-8 (invalid bytes replaced), at most
 * {@link #MAX_PAYLOAD_CHARS} characters
 * @param payloadBytes size of the original payload in bytes
 */
public record DeadLetter(String deviceId, String tenantId, String source, String reason, List<String> errors,
		Instant receivedAt, String payload, int payloadBytes) {

	/** The longest payload text kept in a dead letter. */
	public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

	public DeadLetter {
		Fields.requiredText(source, "source");
		Fields.requiredText(reason, "reason");
		Fields.required(receivedAt, "receivedAt");
		errors = Fields.list(errors, "errors");
		if (payloadBytes < 0) {
			throw new IllegalArgumentException("payloadBytes must be >= 0: " + payloadBytes);
		}
		if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
			payload = payload.substring(0, MAX_PAYLOAD_CHARS);
		}
	}

	/**
	 * A dead letter for a raw payload, decoding and truncating it.
	 * @param deviceId device, or null
	 * @param tenantId tenant, or null
	 * @param source where it was rejected
	 * @param reason why
	 * @param errors individual problems, or null
	 * @param receivedAt when it was received
	 * @param payload the raw payload, or null
	 * @return the dead letter
	 */
	public static DeadLetter of(String deviceId, String tenantId, String source, String reason, List<String> errors,
			Instant receivedAt, byte[] payload) {
		String text = null;
		int size = 0;
		if (payload != null) {
			size = payload.length;
			// Four bytes per character at most: decoding more could not change the
			// result.
			int decoded = (int) Math.min(payload.length, 4L * MAX_PAYLOAD_CHARS);
			text = new String(payload, 0, decoded, StandardCharsets.UTF_8);
		}
		return new DeadLetter(deviceId, tenantId, source, reason, errors, receivedAt, text, size);
	}

}
