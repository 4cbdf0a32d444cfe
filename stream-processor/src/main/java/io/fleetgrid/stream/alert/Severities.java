package io.fleetgrid.stream.alert;

import java.util.HashMap;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertType;

/**
 * Severity per alert type: built-in defaults, overridden by
 * {@code fleetgrid.stream.severities.<TYPE>}.
 */
public final class Severities {

	private static final Map<String, Severity> DEFAULTS = Map.ofEntries(Map.entry("OVERSPEED", Severity.WARNING),
			Map.entry("HARSH_BRAKING", Severity.WARNING), Map.entry("HARSH_ACCELERATION", Severity.WARNING),
			Map.entry("GEOFENCE_ENTER", Severity.INFO), Map.entry("GEOFENCE_EXIT", Severity.INFO),
			Map.entry("GEOFENCE_DWELL", Severity.WARNING), Map.entry("ENGINE_OVERHEAT", Severity.CRITICAL),
			Map.entry("LOW_OIL_PRESSURE", Severity.CRITICAL), Map.entry("LOW_TIRE_PRESSURE", Severity.WARNING),
			Map.entry("LOW_FUEL", Severity.INFO), Map.entry("DTC", Severity.WARNING),
			Map.entry("SERVICE_DUE", Severity.INFO), Map.entry("INVERTER_FAULT", Severity.CRITICAL),
			Map.entry("INVERTER_OVERTEMP", Severity.WARNING), Map.entry("LOW_BATTERY", Severity.WARNING),
			Map.entry("PRODUCTION_DROP", Severity.WARNING), Map.entry("GRID_ANOMALY", Severity.WARNING),
			Map.entry("DEVICE_OFFLINE", Severity.WARNING));

	private final Map<String, Severity> severities;

	/**
	 * The defaults with overrides.
	 * @param overrides type name to severity
	 */
	public Severities(Map<String, Severity> overrides) {
		Map<String, Severity> merged = new HashMap<>(DEFAULTS);
		merged.putAll(overrides);
		this.severities = Map.copyOf(merged);
	}

	/**
	 * The severity of a type.
	 * @param type alert type
	 * @return its severity; WARNING for a type without a setting
	 */
	public Severity of(AlertType type) {
		return this.severities.getOrDefault(type.name(), Severity.WARNING);
	}

}
