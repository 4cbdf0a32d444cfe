package io.fleetgrid.stream.alert;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import io.fleetgrid.stream.codec.JsonText;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes an {@link AlertEvent} as the contracts' mapper ({@link JsonSerdes#mapper()})
 * does, byte for byte (properties in the record's order, absent values left out, the
 * details' JSON values in their order). An alert step follows every 5 to 10 events in the
 * benchmark's workload, and databind's per-property and per-entry lookups made writing
 * them a twentieth of the stream thread (BENCHMARKS.md). Details holding a number type
 * other than the primitive wrappers' (a {@code BigDecimal}) are written by the mapper. A
 * test holds it to the mapper's bytes.
 */
public final class AlertEventJson {

	private static final ObjectWriter MAPPER = JsonSerdes.mapper().writerFor(AlertEvent.class);

	private AlertEventJson() {
	}

	/**
	 * The alert step's JSON.
	 * @param alert the alert step
	 * @return UTF-8 JSON
	 */
	public static byte[] write(AlertEvent alert) {
		try {
			return writeFields(alert);
		}
		catch (JsonText.UnsupportedValueException ex) {
			return MAPPER.writeValueAsBytes(alert);
		}
	}

	private static byte[] writeFields(AlertEvent alert) {
		ByteArrayDataOutput out = ByteArrayDataOutput.forThread();
		out.writeBytes("{\"alertId\":");
		JsonText.string(out, alert.alertId());
		out.writeBytes(",\"tenantId\":");
		JsonText.string(out, alert.tenantId());
		out.writeBytes(",\"deviceId\":");
		JsonText.string(out, alert.deviceId());
		if (alert.groupId() != null) {
			out.writeBytes(",\"groupId\":");
			JsonText.string(out, alert.groupId());
		}
		out.writeBytes(",\"type\":");
		JsonText.string(out, alert.type().name());
		out.writeBytes(",\"severity\":\"");
		out.writeBytes(alert.severity().name());
		out.writeBytes("\",\"status\":\"");
		out.writeBytes(alert.status().name());
		out.writeBytes("\"");
		if (alert.geofenceId() != null) {
			out.writeBytes(",\"geofenceId\":");
			JsonText.string(out, alert.geofenceId());
		}
		out.writeBytes(",\"startedAt\":");
		JsonText.instant(out, alert.startedAt());
		if (alert.endedAt() != null) {
			out.writeBytes(",\"endedAt\":");
			JsonText.instant(out, alert.endedAt());
		}
		out.writeBytes(",\"ts\":");
		JsonText.instant(out, alert.ts());
		out.writeBytes(",\"version\":");
		out.writeBytes(Long.toString(alert.version()));
		if (alert.message() != null) {
			out.writeBytes(",\"message\":");
			JsonText.string(out, alert.message());
		}
		out.writeBytes(",\"details\":");
		JsonText.object(out, alert.details());
		AlertEvent.Acknowledgement acknowledgement = alert.acknowledgement();
		if (acknowledgement != null) {
			out.writeBytes(",\"acknowledgement\":{\"by\":");
			JsonText.string(out, acknowledgement.by());
			out.writeBytes(",\"at\":");
			JsonText.instant(out, acknowledgement.at());
			if (acknowledgement.comment() != null) {
				out.writeBytes(",\"comment\":");
				JsonText.string(out, acknowledgement.comment());
			}
			out.writeBytes("}");
		}
		out.writeBytes("}");
		return out.toByteArray();
	}

}
