package io.fleetgrid.contracts.event;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of an alert: an open set of upper-case names. The constants are the types
 * named in the public contract ({@code shared/API.md}); detectors may raise new types
 * without a contract change, and readers must tolerate types they do not know.
 * <p>
 * Written on the wire as a plain JSON string, for example {@code "OVERSPEED"}.
 *
 * @param name the type name: upper-case letters, digits and underscores, starting with a
 * letter, at most 64 characters
 */
public record AlertType(String name) implements Comparable<AlertType> {

	private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	/** Speed above the applicable limit for at least the minimum duration. */
	public static final AlertType OVERSPEED = new AlertType("OVERSPEED");

	/** Deceleration beyond the group's threshold. */
	public static final AlertType HARSH_BRAKING = new AlertType("HARSH_BRAKING");

	/** Acceleration beyond the group's threshold. */
	public static final AlertType HARSH_ACCELERATION = new AlertType("HARSH_ACCELERATION");

	/** The device entered a geofence. */
	public static final AlertType GEOFENCE_ENTER = new AlertType("GEOFENCE_ENTER");

	/** The device left a geofence. */
	public static final AlertType GEOFENCE_EXIT = new AlertType("GEOFENCE_EXIT");

	/** Coolant temperature above the maximum. */
	public static final AlertType ENGINE_OVERHEAT = new AlertType("ENGINE_OVERHEAT");

	/** Oil pressure below the minimum with the engine running. */
	public static final AlertType LOW_OIL_PRESSURE = new AlertType("LOW_OIL_PRESSURE");

	/** Lowest tyre pressure below the minimum. */
	public static final AlertType LOW_TIRE_PRESSURE = new AlertType("LOW_TIRE_PRESSURE");

	/** Fuel level below the minimum. */
	public static final AlertType LOW_FUEL = new AlertType("LOW_FUEL");

	/** New OBD-II diagnostic trouble codes. */
	public static final AlertType DTC = new AlertType("DTC");

	/** Service due by distance or time. */
	public static final AlertType SERVICE_DUE = new AlertType("SERVICE_DUE");

	/** The inverter reports a fault code. */
	public static final AlertType INVERTER_FAULT = new AlertType("INVERTER_FAULT");

	/** Inverter temperature above the maximum. */
	public static final AlertType INVERTER_OVERTEMP = new AlertType("INVERTER_OVERTEMP");

	/** Battery state of charge below the minimum while discharging. */
	public static final AlertType LOW_BATTERY = new AlertType("LOW_BATTERY");

	/** PV production far below the expected. */
	public static final AlertType PRODUCTION_DROP = new AlertType("PRODUCTION_DROP");

	/** Grid voltage or frequency outside the band. */
	public static final AlertType GRID_ANOMALY = new AlertType("GRID_ANOMALY");

	/** No telemetry for longer than the configured time. */
	public static final AlertType DEVICE_OFFLINE = new AlertType("DEVICE_OFFLINE");

	private static final List<AlertType> KNOWN = List.of(OVERSPEED, HARSH_BRAKING, HARSH_ACCELERATION, GEOFENCE_ENTER,
			GEOFENCE_EXIT, ENGINE_OVERHEAT, LOW_OIL_PRESSURE, LOW_TIRE_PRESSURE, LOW_FUEL, DTC, SERVICE_DUE,
			INVERTER_FAULT, INVERTER_OVERTEMP, LOW_BATTERY, PRODUCTION_DROP, GRID_ANOMALY, DEVICE_OFFLINE);

	public AlertType {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"alert type must be 1-64 upper-case letters, digits or '_', starting with a letter: " + name);
		}
	}

	/**
	 * The alert type with the given name, known or not.
	 * @param name the type name
	 * @return the known constant, or a new type
	 * @throws IllegalArgumentException if the name is not a valid type name
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AlertType of(String name) {
		for (AlertType known : KNOWN) {
			if (known.name.equals(name)) {
				return known;
			}
		}
		return new AlertType(name);
	}

	/**
	 * The types named in the public contract.
	 * @return the known types in contract order
	 */
	public static List<AlertType> known() {
		return KNOWN;
	}

	/**
	 * Whether this type is one of the {@link #known() contract's types}.
	 * @return true for a contract type
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	@JsonValue
	public String name() {
		return this.name;
	}

	@Override
	public int compareTo(AlertType other) {
		return this.name.compareTo(other.name);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
