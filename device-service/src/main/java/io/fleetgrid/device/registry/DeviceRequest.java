package io.fleetgrid.device.registry;

import java.util.List;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;

/**
 * Body of {@code POST /api/v1/devices} (and one row of a CSV import).
 *
 * @param id tenant-chosen device id, for example {@code veh-0001}
 * @param type device type
 * @param name display name
 * @param groupId fleet (vehicles) or site (energy devices), or null
 * @param tags tags, or null
 * @param assignedUserIds users with role USER who may see the device, or null
 * @param active whether ingest accepts it; default true
 * @param vehicle vehicle attributes (VEHICLE only), or null
 * @param energy energy attributes (INVERTER, BATTERY, METER only), or null
 */
public record DeviceRequest(String id, DeviceType type, String name, String groupId, List<String> tags,
		List<String> assignedUserIds, Boolean active, VehicleProfile vehicle, EnergyProfile energy) {

}
