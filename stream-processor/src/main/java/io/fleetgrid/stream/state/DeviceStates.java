package io.fleetgrid.stream.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.stream.detect.DeviceMemory;

/**
 * Builds the {@link DeviceState} of a device from its memory (after the memory took in
 * the newest event).
 */
public final class DeviceStates {

	private DeviceStates() {
	}

	/**
	 * The state of a device.
	 * @param memory the device's memory
	 * @param deviceId device
	 * @param tenantId tenant
	 * @param deviceType device type
	 * @param updatedAt computation time
	 * @return the state
	 */
	public static DeviceState of(DeviceMemory memory, String deviceId, String tenantId,
			io.fleetgrid.contracts.event.DeviceType deviceType, Instant updatedAt) {
		List<AlertType> active = new ArrayList<>();
		for (AlertEvent alert : memory.alerts.values()) {
			if (!active.contains(alert.type())) {
				active.add(alert.type());
			}
		}
		GeoPoint position = memory.lastPosition;
		Double heading = number(memory, "headingDeg");
		return new DeviceState(deviceId, tenantId, deviceType, memory.lastTs, position, number(memory, "speedKph"),
				heading, (memory.metrics.get("ignition") instanceof Boolean on) ? on : null,
				number(memory, "fuelLevelPct"), number(memory, "batterySocPct"), number(memory, "pvPowerW"), active,
				MetricValues.copyOf(memory.metrics), updatedAt);
	}

	private static Double number(DeviceMemory memory, String metric) {
		return (memory.metrics.get(metric) instanceof Number value) ? value.doubleValue() : null;
	}

}
