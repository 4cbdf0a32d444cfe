package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Last known state of a device on the compacted {@code fleetgrid.device-state.v1} topic
 * (key deviceId). The typed fields are the most used ones; {@code metrics} holds the
 * newest value of every metric the device sent.
 *
 * @param deviceId device
 * @param tenantId tenant
 * @param deviceType device type
 * @param lastSeen event time of the newest telemetry
 * @param position last known position, or null
 * @param speedKph last speed, or null
 * @param headingDeg last heading, or null
 * @param ignition last ignition state, or null
 * @param fuelLevelPct last fuel level, or null
 * @param batterySocPct last battery state of charge, or null
 * @param pvPowerW last PV power, or null
 * @param activeAlerts types of the device's alerts that are raised and not cleared
 * @param metrics newest value per metric (same value types as {@link TelemetryEvent})
 * @param updatedAt when this state was computed
 */
public record DeviceState(String deviceId, String tenantId, DeviceType deviceType, Instant lastSeen, GeoPoint position,
		Double speedKph, Double headingDeg, Boolean ignition, Double fuelLevelPct, Double batterySocPct,
		Double pvPowerW, List<AlertType> activeAlerts, Map<String, Object> metrics, Instant updatedAt) {

	public DeviceState {
		Fields.requiredText(deviceId, "deviceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(deviceType, "deviceType");
		Fields.required(lastSeen, "lastSeen");
		Fields.required(updatedAt, "updatedAt");
		Fields.finite(speedKph, "speedKph");
		Fields.finite(headingDeg, "headingDeg");
		Fields.finite(fuelLevelPct, "fuelLevelPct");
		Fields.finite(batterySocPct, "batterySocPct");
		Fields.finite(pvPowerW, "pvPowerW");
		activeAlerts = Fields.list(activeAlerts, "activeAlerts");
		metrics = MetricValues.copyOf(metrics);
	}

}
