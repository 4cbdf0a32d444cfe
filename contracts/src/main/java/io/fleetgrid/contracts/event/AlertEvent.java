package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Alert lifecycle event on {@code fleetgrid.alerts.v1}.
 *
 * @param alertId stable for one occurrence
 * @param tenantId tenant
 * @param deviceId device
 * @param type alert type (for example {@code OVERSPEED})
 * @param severity INFO, WARNING or CRITICAL
 * @param status RAISED, UPDATED, CLEARED or ACKNOWLEDGED
 * @param startedAt when the condition began
 * @param endedAt when it ended, or null
 * @param ts event time of this lifecycle step
 * @param details values that triggered it, limit, location, geofence
 * @param version increases with every lifecycle step of one alert
 */
public record AlertEvent(String alertId, String tenantId, String deviceId, String type, Severity severity,
		Status status, Instant startedAt, Instant endedAt, Instant ts, Map<String, Object> details, long version) {

	/** Alert severity. */
	public enum Severity {

		/** Informational. */
		INFO,
		/** Needs attention. */
		WARNING,
		/** Needs immediate attention. */
		CRITICAL

	}

	/** Alert lifecycle status. */
	public enum Status {

		/** The condition started. */
		RAISED,
		/** The condition is ongoing with new values. */
		UPDATED,
		/** The condition ended. */
		CLEARED,
		/** A person acknowledged the alert. */
		ACKNOWLEDGED

	}

}
