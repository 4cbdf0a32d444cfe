package io.fleetgrid.device.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.device.web.Validator;

/**
 * The CSV form of devices, for import and export. One header line naming the columns (any
 * order, unknown columns rejected; only {@code id}, {@code type} and {@code name} are
 * required); lists ({@code tags}, {@code assignedUserIds}) separated by {@code |};
 * {@code model} is the vehicle or the energy device's model depending on the type.
 */
final class DeviceCsv {

	/** Every column, in export order. */
	static final List<String> COLUMNS = List.of("id", "type", "name", "groupId", "tags", "assignedUserIds", "active",
			"vin", "plate", "make", "model", "year", "fuelType", "odometerAtInstallKm", "serviceIntervalKm",
			"serviceIntervalMonths", "lastServiceDate", "lastServiceOdometerKm", "serial", "vendor", "ratedPowerKw",
			"pvPeakKwp", "batteryCapacityKwh", "siteLat", "siteLon", "timeZone");

	private static final List<String> VEHICLE_ONLY = List.of("vin", "plate", "make", "year", "fuelType",
			"odometerAtInstallKm", "serviceIntervalKm", "serviceIntervalMonths", "lastServiceDate",
			"lastServiceOdometerKm");

	private static final List<String> ENERGY_ONLY = List.of("serial", "vendor", "ratedPowerKw", "pvPeakKwp",
			"batteryCapacityKwh", "siteLat", "siteLon", "timeZone");

	private DeviceCsv() {
	}

	/**
	 * Reads one data row into a request, recording conversion errors.
	 * @param row the values by column name (blank = absent)
	 * @param validator collects the errors
	 * @return the request (fields that did not convert are null)
	 */
	static DeviceRequest request(Map<String, String> row, Validator validator) {
		DeviceType type = convert(row, "type", validator, (text) -> DeviceType.valueOf(text.toUpperCase(Locale.ROOT)),
				"must be one of VEHICLE, INVERTER, BATTERY, METER");
		VehicleProfile vehicle = null;
		EnergyProfile energy = null;
		if (type == DeviceType.VEHICLE) {
			present(row, ENERGY_ONLY, "only inverters, batteries and meters have it", validator);
			if (any(row, VEHICLE_ONLY) || text(row, "model") != null) {
				vehicle = vehicle(row, validator);
			}
		}
		else if (type != null) {
			present(row, VEHICLE_ONLY, "only vehicles have it", validator);
			if (any(row, ENERGY_ONLY) || text(row, "model") != null) {
				energy = energy(row, validator);
			}
		}
		Boolean active = convert(row, "active", validator, DeviceCsv::bool, "must be true or false");
		return new DeviceRequest(text(row, "id"), type, text(row, "name"), text(row, "groupId"), list(row, "tags"),
				list(row, "assignedUserIds"), active, vehicle, energy);
	}

	private static VehicleProfile vehicle(Map<String, String> row, Validator validator) {
		Integer year = convert(row, "year", validator, Integer::valueOf, "must be a whole number");
		Double odometer = convert(row, "odometerAtInstallKm", validator, Double::valueOf, "must be a number");
		Integer intervalKm = convert(row, "serviceIntervalKm", validator, Integer::valueOf, "must be a whole number");
		Integer intervalMonths = convert(row, "serviceIntervalMonths", validator, Integer::valueOf,
				"must be a whole number");
		LocalDate lastService = convert(row, "lastServiceDate", validator, LocalDate::parse,
				"must be a date like 2026-01-31");
		Double lastOdometer = convert(row, "lastServiceOdometerKm", validator, Double::valueOf, "must be a number");
		String fuel = text(row, "fuelType");
		try {
			return new VehicleProfile(text(row, "vin"), text(row, "plate"), text(row, "make"), text(row, "model"), year,
					(fuel != null) ? fuel.toUpperCase(Locale.ROOT) : null, odometer, intervalKm, intervalMonths,
					lastService, lastOdometer);
		}
		catch (IllegalArgumentException ex) {
			validator.reject("vehicle", ex.getMessage());
			return null;
		}
	}

	private static EnergyProfile energy(Map<String, String> row, Validator validator) {
		Double rated = convert(row, "ratedPowerKw", validator, Double::valueOf, "must be a number");
		Double pv = convert(row, "pvPeakKwp", validator, Double::valueOf, "must be a number");
		Double battery = convert(row, "batteryCapacityKwh", validator, Double::valueOf, "must be a number");
		Double lat = convert(row, "siteLat", validator, Double::valueOf, "must be a number");
		Double lon = convert(row, "siteLon", validator, Double::valueOf, "must be a number");
		ZoneId zone = convert(row, "timeZone", validator, ZoneId::of, "must be a time zone like Europe/Berlin");
		GeoPoint site = null;
		if (lat != null || lon != null) {
			if (validator.check(lat != null && lon != null, "siteLat", "siteLat and siteLon go together")) {
				try {
					site = new GeoPoint(lat, lon);
				}
				catch (IllegalArgumentException ex) {
					validator.reject("siteLat", ex.getMessage());
				}
			}
		}
		try {
			return new EnergyProfile(text(row, "serial"), text(row, "vendor"), text(row, "model"), rated, pv, battery,
					site, zone);
		}
		catch (IllegalArgumentException ex) {
			validator.reject("energy", ex.getMessage());
			return null;
		}
	}

	/**
	 * The CSV row of a device.
	 * @param device the device
	 * @return the values in {@link #COLUMNS} order
	 */
	static List<String> row(Device device) {
		VehicleProfile v = device.vehicle();
		EnergyProfile e = device.energy();
		String model = (v != null) ? v.model() : ((e != null) ? e.model() : null);
		return Arrays.asList(device.id(), device.type().name(), device.name(), device.groupId(),
				String.join("|", device.tags()), String.join("|", device.assignedUserIds()),
				String.valueOf(device.active()), (v != null) ? v.vin() : null, (v != null) ? v.plate() : null,
				(v != null) ? v.make() : null, model, (v != null) ? str(v.year()) : null,
				(v != null) ? v.fuelType() : null, (v != null) ? str(v.odometerAtInstallKm()) : null,
				(v != null) ? str(v.serviceIntervalKm()) : null, (v != null) ? str(v.serviceIntervalMonths()) : null,
				(v != null) ? str(v.lastServiceDate()) : null, (v != null) ? str(v.lastServiceOdometerKm()) : null,
				(e != null) ? e.serial() : null, (e != null) ? e.vendor() : null,
				(e != null) ? str(e.ratedPowerKw()) : null, (e != null) ? str(e.pvPeakKwp()) : null,
				(e != null) ? str(e.batteryCapacityKwh()) : null,
				(e != null && e.site() != null) ? str(e.site().lat()) : null,
				(e != null && e.site() != null) ? str(e.site().lon()) : null, (e != null) ? str(e.timeZone()) : null);
	}

	private static String str(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static Boolean bool(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "1" -> Boolean.TRUE;
			case "false", "no", "0" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException(text);
		};
	}

	private static <T> T convert(Map<String, String> row, String column, Validator validator,
			Function<String, T> converter, String message) {
		String text = text(row, column);
		if (text == null) {
			return null;
		}
		try {
			return converter.apply(text);
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			validator.reject(column, message + ", got '" + text + "'");
			return null;
		}
	}

	private static void present(Map<String, String> row, List<String> columns, String message, Validator validator) {
		for (String column : columns) {
			validator.check(text(row, column) == null, column, message);
		}
	}

	private static boolean any(Map<String, String> row, List<String> columns) {
		return columns.stream().anyMatch((column) -> text(row, column) != null);
	}

	private static String text(Map<String, String> row, String column) {
		String value = row.get(column);
		return (value == null || value.isBlank()) ? null : Csv.unprotect(value.strip());
	}

	private static List<String> list(Map<String, String> row, String column) {
		String value = text(row, column);
		if (value == null) {
			return null;
		}
		List<String> items = new ArrayList<>();
		for (String item : value.split("\\|")) {
			if (!item.isBlank()) {
				items.add(item.strip());
			}
		}
		return items;
	}

}
