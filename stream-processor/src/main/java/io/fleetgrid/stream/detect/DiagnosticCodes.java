package io.fleetgrid.stream.detect;

import java.util.Map;

/**
 * Plain-language descriptions of common OBD-II diagnostic trouble codes (SAE J2012
 * generic powertrain codes) and of generic inverter fault codes.
 */
public final class DiagnosticCodes {

	private static final Map<String, String> OBD = Map.ofEntries(
			Map.entry("P0100", "Mass air flow circuit malfunction"),
			Map.entry("P0101", "Mass air flow circuit range/performance"),
			Map.entry("P0110", "Intake air temperature circuit malfunction"),
			Map.entry("P0115", "Engine coolant temperature circuit malfunction"),
			Map.entry("P0120", "Throttle position sensor circuit malfunction"),
			Map.entry("P0128", "Coolant thermostat below regulating temperature"),
			Map.entry("P0130", "O2 sensor circuit malfunction (bank 1, sensor 1)"),
			Map.entry("P0171", "System too lean (bank 1)"), Map.entry("P0172", "System too rich (bank 1)"),
			Map.entry("P0174", "System too lean (bank 2)"), Map.entry("P0175", "System too rich (bank 2)"),
			Map.entry("P0217", "Engine overtemperature condition"),
			Map.entry("P0300", "Random/multiple cylinder misfire detected"),
			Map.entry("P0301", "Cylinder 1 misfire detected"), Map.entry("P0302", "Cylinder 2 misfire detected"),
			Map.entry("P0303", "Cylinder 3 misfire detected"), Map.entry("P0304", "Cylinder 4 misfire detected"),
			Map.entry("P0325", "Knock sensor 1 circuit malfunction"),
			Map.entry("P0335", "Crankshaft position sensor A circuit malfunction"),
			Map.entry("P0340", "Camshaft position sensor circuit malfunction"),
			Map.entry("P0401", "Exhaust gas recirculation flow insufficient"),
			Map.entry("P0420", "Catalyst system efficiency below threshold (bank 1)"),
			Map.entry("P0430", "Catalyst system efficiency below threshold (bank 2)"),
			Map.entry("P0442", "Evaporative emission system leak detected (small leak)"),
			Map.entry("P0455", "Evaporative emission system leak detected (large leak)"),
			Map.entry("P0500", "Vehicle speed sensor malfunction"),
			Map.entry("P0505", "Idle control system malfunction"),
			Map.entry("P0520", "Engine oil pressure sensor/switch circuit malfunction"),
			Map.entry("P0524", "Engine oil pressure too low"), Map.entry("P0562", "System voltage low"),
			Map.entry("P0563", "System voltage high"), Map.entry("P0700", "Transmission control system malfunction"),
			Map.entry("P2002", "Diesel particulate filter efficiency below threshold (bank 1)"));

	private static final Map<Long, String> INVERTER = Map.ofEntries(Map.entry(1L, "Grid overvoltage"),
			Map.entry(2L, "Grid undervoltage"), Map.entry(3L, "Grid frequency out of range"),
			Map.entry(4L, "Loss of grid (islanding protection)"), Map.entry(5L, "DC input overvoltage"),
			Map.entry(6L, "Insulation resistance too low (isolation fault)"),
			Map.entry(7L, "Residual current (ground fault) detected"), Map.entry(8L, "Inverter overtemperature"),
			Map.entry(9L, "Fan failure"), Map.entry(10L, "DC arc fault detected"),
			Map.entry(11L, "Internal communication failure"), Map.entry(12L, "Battery communication failure"),
			Map.entry(13L, "Battery overtemperature"), Map.entry(14L, "Relay check failed"),
			Map.entry(15L, "PV string reverse polarity"));

	private DiagnosticCodes() {
	}

	/**
	 * The description of an OBD-II code.
	 * @param code for example {@code P0301}
	 * @return the description, or a generic one by the code's system letter
	 */
	public static String obd(String code) {
		String known = OBD.get(code);
		if (known != null) {
			return known;
		}
		return switch (code.isEmpty() ? ' ' : code.charAt(0)) {
			case 'P' -> "Powertrain fault";
			case 'C' -> "Chassis fault";
			case 'B' -> "Body fault";
			case 'U' -> "Network communication fault";
			default -> "Unknown code";
		};
	}

	/**
	 * The description of an inverter fault code.
	 * @param code the code, not 0
	 * @return the description, or "Vendor fault code N"
	 */
	public static String inverter(long code) {
		return INVERTER.getOrDefault(code, "Vendor fault code " + code);
	}

}
