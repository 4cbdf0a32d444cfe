package io.fleetgrid.stream.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;

/**
 * The latest state of a device as served by {@code GET /api/v1/devices/{id}/state}.
 *
 * @param deviceId device
 * @param deviceType device type
 * @param lastSeen event time of the newest telemetry
 * @param position last known position, or null
 * @param speedKph last speed, or null
 * @param headingDeg last heading, or null
 * @param ignition last ignition state, or null
 * @param fuelLevelPct last fuel level, or null
 * @param batterySocPct last battery state of charge, or null
 * @param pvPowerW last PV power, or null
 * @param activeAlerts types of the device's active alerts
 * @param metrics newest value of every metric
 * @param updatedAt when the state was computed
 */
public record DeviceStateResponse(String deviceId, DeviceType deviceType, Instant lastSeen, GeoPoint position,
		Double speedKph, Double headingDeg, Boolean ignition, Double fuelLevelPct, Double batterySocPct,
		Double pvPowerW, List<String> activeAlerts, Map<String, Object> metrics, Instant updatedAt) {

	static DeviceStateResponse of(DeviceState state) {
		return new DeviceStateResponse(state.deviceId(), state.deviceType(), state.lastSeen(), state.position(),
				state.speedKph(), state.headingDeg(), state.ignition(), state.fuelLevelPct(), state.batterySocPct(),
				state.pvPowerW(), state.activeAlerts().stream().map(AlertType::name).toList(), state.metrics(),
				state.updatedAt());
	}

}
