package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Device registry snapshot on the compacted {@code fleetgrid.devices.v1} topic (key
 * deviceId); a tombstone (null value) means the device was deleted. Published by
 * device-service on every change of the fields below; the fast-changing "last seen" is
 * not part of it (see {@link DeviceState}).
 *
 * @param deviceId tenant-unique device id, for example {@code veh-0001}
 * @param tenantId owning tenant
 * @param type device type
 * @param name display name
 * @param groupId fleet (vehicles) or site (energy devices), or null
 * @param tags free-form tags, may be empty
 * @param assignedUserIds users who may see the device (role USER), may be empty
 * @param active whether the device may send telemetry; ingest refuses inactive devices
 * @param vehicle vehicle attributes, only for {@link DeviceType#VEHICLE}, or null
 * @param energy inverter, battery or meter attributes, only for energy devices, or null
 * @param createdAt when the device was registered
 * @param updatedAt last change
 */
public record DeviceSnapshot(String deviceId, String tenantId, DeviceType type, String name, String groupId,
		List<String> tags, List<String> assignedUserIds, boolean active, VehicleProfile vehicle, EnergyProfile energy,
		Instant createdAt, Instant updatedAt) {

	public DeviceSnapshot {
		Fields.requiredText(deviceId, "deviceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(type, "type");
		Fields.required(createdAt, "createdAt");
		Fields.required(updatedAt, "updatedAt");
		tags = Fields.list(tags, "tags");
		assignedUserIds = Fields.list(assignedUserIds, "assignedUserIds");
		if (vehicle != null && type != DeviceType.VEHICLE) {
			throw new IllegalArgumentException("vehicle attributes on a " + type + " device");
		}
		if (energy != null && type == DeviceType.VEHICLE) {
			throw new IllegalArgumentException("energy attributes on a VEHICLE device");
		}
	}

	/**
	 * Vehicle attributes; every field may be null when unknown.
	 *
	 * @param vin vehicle identification number
	 * @param plate licence plate
	 * @param make manufacturer
	 * @param model model
	 * @param year model year
	 * @param fuelType fuel type, for example {@code DIESEL}, {@code PETROL},
	 * {@code ELECTRIC}
	 * @param odometerAtInstallKm odometer reading when the tracker was installed
	 * @param serviceIntervalKm distance between services
	 * @param serviceIntervalMonths time between services
	 * @param lastServiceDate date of the last service
	 * @param lastServiceOdometerKm odometer reading at the last service
	 */
	public record VehicleProfile(String vin, String plate, String make, String model, Integer year, String fuelType,
			Double odometerAtInstallKm, Integer serviceIntervalKm, Integer serviceIntervalMonths,
			LocalDate lastServiceDate, Double lastServiceOdometerKm) {

		public VehicleProfile {
			Fields.nonNegative(odometerAtInstallKm, "odometerAtInstallKm");
			Fields.nonNegative(serviceIntervalKm, "serviceIntervalKm");
			Fields.nonNegative(serviceIntervalMonths, "serviceIntervalMonths");
			Fields.nonNegative(lastServiceOdometerKm, "lastServiceOdometerKm");
		}

	}

	/**
	 * Inverter, battery or meter attributes; every field may be null when unknown.
	 *
	 * @param serial serial number
	 * @param vendor manufacturer
	 * @param model model
	 * @param ratedPowerKw rated AC power
	 * @param pvPeakKwp installed PV peak power
	 * @param batteryCapacityKwh usable battery capacity
	 * @param site location of the site
	 * @param timeZone time zone of the site
	 */
	public record EnergyProfile(String serial, String vendor, String model, Double ratedPowerKw, Double pvPeakKwp,
			Double batteryCapacityKwh, GeoPoint site, ZoneId timeZone) {

		public EnergyProfile {
			Fields.nonNegative(ratedPowerKw, "ratedPowerKw");
			Fields.nonNegative(pvPeakKwp, "pvPeakKwp");
			Fields.nonNegative(batteryCapacityKwh, "batteryCapacityKwh");
		}

	}

}
