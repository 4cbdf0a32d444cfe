package io.fleetgrid.contracts.telemetry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics named in the public contract ({@code shared/API.md}, "Known metrics"), with
 * the type and physically sensible range the validator enforces. The unit is part of the
 * name. Metrics not listed here pass through, checked only for type and length.
 */
public enum KnownMetric {

	// Vehicle

	/** Speed over ground. */
	SPEED_KPH("speedKph", Domain.VEHICLE, Kind.NUMBER, 0, 400),

	/** Latitude (WGS 84). */
	LAT("lat", Domain.VEHICLE, Kind.NUMBER, -90, 90),

	/** Longitude (WGS 84). */
	LON("lon", Domain.VEHICLE, Kind.NUMBER, -180, 180),

	/** Heading, degrees clockwise from north (360 = 0). */
	HEADING_DEG("headingDeg", Domain.VEHICLE, Kind.NUMBER, 0, 360),

	/** Altitude above sea level (Dead Sea shore to high mountain passes, with margin). */
	ALTITUDE_M("altitudeM", Domain.VEHICLE, Kind.NUMBER, -1_000, 10_000),

	/** Odometer. */
	ODOMETER_KM("odometerKm", Domain.VEHICLE, Kind.NUMBER, 0, 10_000_000),

	/** Engine speed. */
	ENGINE_RPM("engineRpm", Domain.VEHICLE, Kind.NUMBER, 0, 20_000),

	/** Engine coolant temperature. */
	COOLANT_TEMP_C("coolantTempC", Domain.VEHICLE, Kind.NUMBER, -60, 200),

	/** Engine oil pressure. */
	OIL_PRESSURE_KPA("oilPressureKpa", Domain.VEHICLE, Kind.NUMBER, 0, 2_000),

	/** Lowest tyre pressure. */
	TIRE_PRESSURE_KPA("tirePressureKpa", Domain.VEHICLE, Kind.NUMBER, 0, 1_500),

	/** Fuel level. */
	FUEL_LEVEL_PCT("fuelLevelPct", Domain.VEHICLE, Kind.NUMBER, 0, 100),

	/** Battery voltage (12/24 V starter batteries up to EV traction packs). */
	BATTERY_VOLTAGE_V("batteryVoltageV", Domain.VEHICLE, Kind.NUMBER, 0, 1_500),

	/** Ignition on or off. */
	IGNITION("ignition", Domain.VEHICLE, Kind.BOOLEAN, 0, 0),

	/** Longitudinal acceleration (negative when braking). */
	ACCEL_MPS2("accelMps2", Domain.VEHICLE, Kind.NUMBER, -50, 50),

	/** Engine hours. */
	ENGINE_HOURS("engineHours", Domain.VEHICLE, Kind.NUMBER, 0, 1_000_000),

	/** Active OBD-II diagnostic trouble codes, for example {@code ["P0301"]}. */
	DTC_CODES("dtcCodes", Domain.VEHICLE, Kind.OBD_CODES, 0, 0),

	// Energy

	/** PV (DC) power. */
	PV_POWER_W("pvPowerW", Domain.ENERGY, Kind.NUMBER, 0, 1e9),

	/** Inverter AC power (negative when a hybrid inverter draws from the grid). */
	AC_POWER_W("acPowerW", Domain.ENERGY, Kind.NUMBER, -1e9, 1e9),

	/** Grid power, positive when importing, negative when exporting. */
	GRID_POWER_W("gridPowerW", Domain.ENERGY, Kind.NUMBER, -1e9, 1e9),

	/** Battery state of charge. */
	BATTERY_SOC_PCT("batterySocPct", Domain.ENERGY, Kind.NUMBER, 0, 100),

	/** Battery power (sign as reported by the device: charging or discharging). */
	BATTERY_POWER_W("batteryPowerW", Domain.ENERGY, Kind.NUMBER, -1e9, 1e9),

	/** Energy produced today. */
	DAILY_YIELD_KWH("dailyYieldKwh", Domain.ENERGY, Kind.NUMBER, 0, 1e8),

	/** Energy produced in total. */
	TOTAL_YIELD_KWH("totalYieldKwh", Domain.ENERGY, Kind.NUMBER, 0, 1e12),

	/** Inverter temperature. */
	INVERTER_TEMP_C("inverterTempC", Domain.ENERGY, Kind.NUMBER, -60, 200),

	/** Grid voltage (low-voltage connections up to medium voltage). */
	GRID_VOLTAGE_V("gridVoltageV", Domain.ENERGY, Kind.NUMBER, 0, 50_000),

	/** Grid frequency (0 when disconnected; nominal 50 or 60 Hz). */
	GRID_FREQUENCY_HZ("gridFrequencyHz", Domain.ENERGY, Kind.NUMBER, 0, 100),

	/** Vendor fault code, 0 = no fault (an unsigned 32-bit number). */
	FAULT_CODE("faultCode", Domain.ENERGY, Kind.WHOLE_NUMBER, 0, 4_294_967_295L);

	private static final Map<String, KnownMetric> BY_NAME = new HashMap<>();

	static {
		for (KnownMetric metric : values()) {
			BY_NAME.put(metric.metricName, metric);
		}
	}

	private final String metricName;

	private final Domain domain;

	private final Kind kind;

	private final double min;

	private final double max;

	private final String expectation;

	KnownMetric(String metricName, Domain domain, Kind kind, double min, double max) {
		this.metricName = metricName;
		this.domain = domain;
		this.kind = kind;
		this.min = min;
		this.max = max;
		this.expectation = switch (kind) {
			case NUMBER -> "a number from " + Texts.number(min) + " to " + Texts.number(max);
			case WHOLE_NUMBER -> "a whole number from " + Texts.number(min) + " to " + Texts.number(max);
			case BOOLEAN -> "true or false";
			case OBD_CODES -> "an array of OBD-II codes like \"P0301\"";
		};
	}

	/**
	 * The known metric with a name.
	 * @param name metric name as sent, for example {@code speedKph}
	 * @return the metric, or empty for an unknown name
	 */
	public static Optional<KnownMetric> byName(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	static KnownMetric lookup(String name) {
		return BY_NAME.get(name);
	}

	/**
	 * The name devices send.
	 * @return the metric name, for example {@code speedKph}
	 */
	public String metricName() {
		return this.metricName;
	}

	/**
	 * Which kind of device normally sends it.
	 * @return the domain
	 */
	public Domain domain() {
		return this.domain;
	}

	/**
	 * The value type.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Lowest accepted value of a numeric metric.
	 * @return the minimum (inclusive); 0 for non-numeric metrics
	 */
	public double min() {
		return this.min;
	}

	/**
	 * Highest accepted value of a numeric metric.
	 * @return the maximum (inclusive); 0 for non-numeric metrics
	 */
	public double max() {
		return this.max;
	}

	/**
	 * What a valid value looks like, for error messages.
	 * @return for example {@code a number from 0 to 400}
	 */
	public String expectation() {
		return this.expectation;
	}

	/** Which kind of device a metric belongs to. */
	public enum Domain {

		/** Vehicle trackers. */
		VEHICLE,
		/** Inverters, batteries and meters. */
		ENERGY

	}

	/** Value type of a known metric. */
	public enum Kind {

		/** A finite number within [min, max]. */
		NUMBER,
		/** An integer within [min, max] (no fraction, no exponent). */
		WHOLE_NUMBER,
		/** {@code true} or {@code false}. */
		BOOLEAN,
		/**
		 * An array of OBD-II trouble codes: P, C, B or U, a digit 0-3, three hex digits.
		 */
		OBD_CODES

	}

}
