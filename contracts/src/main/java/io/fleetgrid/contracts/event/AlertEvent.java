package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Alert lifecycle event on {@code fleetgrid.alerts.v1} (key deviceId). One occurrence of
 * a condition keeps its {@code alertId}; every lifecycle step (RAISED, UPDATED, CLEARED,
 * ACKNOWLEDGED) is a new event with a higher {@code version}, so consumers can upsert by
 * {@code alertId} and ignore anything not newer than what they stored.
 *
 * @param alertId stable for one occurrence
 * @param tenantId tenant
 * @param deviceId device
 * @param groupId the device's group (fleet or site) when the alert was raised, or null
 * @param type alert type (an open set, see {@link AlertType})
 * @param severity INFO, WARNING or CRITICAL
 * @param status lifecycle status of this step
 * @param geofenceId the geofence for geofence alerts (part of the alert's identity), or
 * null
 * @param startedAt when the condition began (event time)
 * @param endedAt when it ended; required once CLEARED, otherwise null
 * @param ts event time of this lifecycle step
 * @param version increases with every lifecycle step of one alert, starting at 1
 * @param message short human-readable summary (for example {@code Speed 112 km/h above
 * the limit of 90 km/h}), or null
 * @param details values that triggered it, limit, location, geofence, suggestions (JSON
 * values; empty if none)
 * @param acknowledgement who acknowledged it, required for ACKNOWLEDGED, or null
 */
public record AlertEvent(String alertId, String tenantId, String deviceId, String groupId, AlertType type,
		Severity severity, Status status, String geofenceId, Instant startedAt, Instant endedAt, Instant ts,
		long version, String message, Map<String, Object> details, Acknowledgement acknowledgement) {

	public AlertEvent {
		Fields.requiredText(alertId, "alertId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.requiredText(deviceId, "deviceId");
		Fields.required(type, "type");
		Fields.required(severity, "severity");
		Fields.required(status, "status");
		Fields.required(startedAt, "startedAt");
		Fields.required(ts, "ts");
		if (version < 1) {
			throw new IllegalArgumentException("version must be >= 1: " + version);
		}
		if (endedAt != null && endedAt.isBefore(startedAt)) {
			throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
		}
		if (status == Status.CLEARED && endedAt == null) {
			throw new IllegalArgumentException("a CLEARED alert needs endedAt");
		}
		if (status == Status.ACKNOWLEDGED && acknowledgement == null) {
			throw new IllegalArgumentException("an ACKNOWLEDGED alert needs its acknowledgement");
		}
		details = Fields.jsonObject(details, "details");
	}

	/**
	 * The next lifecycle step of this alert: same identity, {@code version + 1}.
	 * @param nextStatus status of the new step
	 * @param at event time of the new step
	 * @param nextEndedAt when the condition ended (required for CLEARED), or null
	 * @param nextMessage summary of the new step, or null to keep the current one
	 * @param nextDetails details of the new step, or null to keep the current ones
	 * @return the next event
	 */
	public AlertEvent next(Status nextStatus, Instant at, Instant nextEndedAt, String nextMessage,
			Map<String, Object> nextDetails) {
		return new AlertEvent(this.alertId, this.tenantId, this.deviceId, this.groupId, this.type, this.severity,
				nextStatus, this.geofenceId, this.startedAt, (nextEndedAt != null) ? nextEndedAt : this.endedAt, at,
				this.version + 1, (nextMessage != null) ? nextMessage : this.message,
				(nextDetails != null) ? nextDetails : this.details, this.acknowledgement);
	}

	/**
	 * The ACKNOWLEDGED step of this alert.
	 * @param by user who acknowledged
	 * @param at when
	 * @param comment optional comment, or null
	 * @return the ACKNOWLEDGED event with {@code version + 1}
	 */
	public AlertEvent acknowledge(String by, Instant at, String comment) {
		return new AlertEvent(this.alertId, this.tenantId, this.deviceId, this.groupId, this.type, this.severity,
				Status.ACKNOWLEDGED, this.geofenceId, this.startedAt, this.endedAt, at, this.version + 1, this.message,
				this.details, new Acknowledgement(by, at, comment));
	}

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

	/**
	 * Who acknowledged an alert, and when.
	 *
	 * @param by user id (subject) of the person who acknowledged
	 * @param at when
	 * @param comment optional comment, or null
	 */
	public record Acknowledgement(String by, Instant at, String comment) {

		public Acknowledgement {
			Fields.requiredText(by, "acknowledgement.by");
			Fields.required(at, "acknowledgement.at");
		}

	}

}
