package io.fleetgrid.stream.state;

import java.util.List;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import io.fleetgrid.stream.codec.JsonText;

/**
 * Writes a {@link DeviceState} as the contracts' mapper ({@link JsonSerdes#mapper()})
 * does, byte for byte: properties in the record's order, absent values left out, instants
 * as ISO-8601 text, numbers as Java prints them, strings escaped as Jackson escapes them.
 * The processor publishes a state per device every few seconds, with 100,000 devices
 * about one per event; databind's per-property lookups made that a noticeable part of an
 * event (BENCHMARKS.md). A test holds it to the mapper's bytes.
 */
public final class DeviceStateJson {

	private DeviceStateJson() {
	}

	/**
	 * The state's JSON, written into the thread's {@link ByteArrayDataOutput} (which the
	 * device memory's serde also uses; neither calls the other while writing).
	 * @param state the state
	 * @return UTF-8 JSON
	 */
	public static byte[] write(DeviceState state) {
		ByteArrayDataOutput out = ByteArrayDataOutput.forThread();
		out.writeBytes("{\"deviceId\":");
		JsonText.string(out, state.deviceId());
		out.writeBytes(",\"tenantId\":");
		JsonText.string(out, state.tenantId());
		out.writeBytes(",\"deviceType\":");
		JsonText.string(out, state.deviceType().name());
		out.writeBytes(",\"lastSeen\":");
		JsonText.instant(out, state.lastSeen());
		GeoPoint position = state.position();
		if (position != null) {
			out.writeBytes(",\"position\":{\"lat\":");
			out.writeBytes(Double.toString(position.lat()));
			out.writeBytes(",\"lon\":");
			out.writeBytes(Double.toString(position.lon()));
			out.writeBytes("}");
		}
		number(out, ",\"speedKph\":", state.speedKph());
		number(out, ",\"headingDeg\":", state.headingDeg());
		if (state.ignition() != null) {
			out.writeBytes(state.ignition() ? ",\"ignition\":true" : ",\"ignition\":false");
		}
		number(out, ",\"fuelLevelPct\":", state.fuelLevelPct());
		number(out, ",\"batterySocPct\":", state.batterySocPct());
		number(out, ",\"pvPowerW\":", state.pvPowerW());
		out.writeBytes(",\"activeAlerts\":[");
		List<AlertType> alerts = state.activeAlerts();
		for (int i = 0; i < alerts.size(); i++) {
			if (i > 0) {
				out.writeBytes(",");
			}
			JsonText.string(out, alerts.get(i).name());
		}
		out.writeBytes("],\"metrics\":");
		JsonText.object(out, state.metrics());
		out.writeBytes(",\"updatedAt\":");
		JsonText.instant(out, state.updatedAt());
		out.writeBytes("}");
		return out.toByteArray();
	}

	private static void number(ByteArrayDataOutput out, String property, Double value) {
		if (value != null) {
			out.writeBytes(property);
			out.writeBytes(Double.toString(value));
		}
	}

}
