package io.fleetgrid.contracts.topic;

import java.time.Duration;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.event.NotificationOutcome;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.event.Trip;

import static io.fleetgrid.contracts.topic.TopicSpec.Cleanup.COMPACT;
import static io.fleetgrid.contracts.topic.TopicSpec.Cleanup.DELETE;

/**
 * Every topic of the FleetGrid contract ({@code shared/API.md}, "Kafka topics"), each
 * declared once with its partitions, retention, key type and value type. Topic creation
 * (local stack, Strimzi {@code KafkaTopic}s) and all producers and consumers use these
 * constants.
 */
public final class Topics {

	/** Partitions of the high-volume, device-keyed topics. */
	public static final int DEVICE_PARTITIONS = 12;

	/** Accepted telemetry, key deviceId. */
	public static final TopicSpec<String, TelemetryEvent> TELEMETRY = new TopicSpec<>("fleetgrid.telemetry.v1",
			DEVICE_PARTITIONS, DELETE, Duration.ofDays(7), String.class, TelemetryEvent.class,
			"accepted telemetry, enriched with tenantId, deviceType, receivedAt");

	/** Rejected or unprocessable telemetry with the reason, key deviceId. */
	public static final TopicSpec<String, DeadLetter> TELEMETRY_DLT = new TopicSpec<>("fleetgrid.telemetry.dlt.v1", 3,
			DELETE, Duration.ofDays(14), String.class, DeadLetter.class,
			"rejected or unprocessable records with the reason");

	/** Device registry snapshots, compacted, key deviceId. */
	public static final TopicSpec<String, DeviceSnapshot> DEVICES = new TopicSpec<>("fleetgrid.devices.v1",
			DEVICE_PARTITIONS, COMPACT, null, String.class, DeviceSnapshot.class,
			"compacted: device registry snapshots (tenant, type, group, active, settings)");

	/** Geofences, compacted, key geofenceId. */
	public static final TopicSpec<String, GeofenceSnapshot> GEOFENCES = new TopicSpec<>("fleetgrid.geofences.v1", 3,
			COMPACT, null, String.class, GeofenceSnapshot.class, "compacted: geofences");

	/** Rule settings per tenant/group, compacted, key {@code tenantId:groupId}. */
	public static final TopicSpec<String, RuleSettings> RULES = new TopicSpec<>("fleetgrid.rules.v1", 3, COMPACT, null,
			String.class, RuleSettings.class, "compacted: rule settings per tenant/group");

	/** Alert lifecycle events, key deviceId. */
	public static final TopicSpec<String, AlertEvent> ALERTS = new TopicSpec<>("fleetgrid.alerts.v1", DEVICE_PARTITIONS,
			DELETE, Duration.ofDays(30), String.class, AlertEvent.class, "alert lifecycle events");

	/** Last known device state, compacted, key deviceId. */
	public static final TopicSpec<String, DeviceState> DEVICE_STATE = new TopicSpec<>("fleetgrid.device-state.v1",
			DEVICE_PARTITIONS, COMPACT, null, String.class, DeviceState.class, "compacted: last known state");

	/** Per-minute and per-hour aggregates, key deviceId. */
	public static final TopicSpec<String, Rollup> ROLLUPS = new TopicSpec<>("fleetgrid.rollups.v1", DEVICE_PARTITIONS,
			DELETE, Duration.ofDays(30), String.class, Rollup.class, "per-minute and per-hour aggregates");

	/** Completed trips, key deviceId. */
	public static final TopicSpec<String, Trip> TRIPS = new TopicSpec<>("fleetgrid.trips.v1", DEVICE_PARTITIONS, DELETE,
			Duration.ofDays(90), String.class, Trip.class, "completed trips");

	/** Delivery outcomes, key alertId. */
	public static final TopicSpec<String, NotificationOutcome> NOTIFICATIONS = new TopicSpec<>(
			"fleetgrid.notifications.v1", 6, DELETE, Duration.ofDays(30), String.class, NotificationOutcome.class,
			"delivery outcomes");

	/** Security-relevant actions, key tenantId. */
	public static final TopicSpec<String, AuditEvent> AUDIT = new TopicSpec<>("fleetgrid.audit.v1", 6, DELETE,
			Duration.ofDays(90), String.class, AuditEvent.class,
			"security-relevant actions (who, what, when, outcome)");

	/** Structured application logs, key service. */
	public static final TopicSpec<String, LogEvent> LOGS = new TopicSpec<>("fleetgrid.logs.v1", 6, DELETE,
			Duration.ofDays(3), String.class, LogEvent.class, "structured application logs of every service");

	/**
	 * Tenants and their status, compacted, key tenantId (an extension of the API.md
	 * table: how a suspension reaches every service).
	 */
	public static final TopicSpec<String, TenantSnapshot> TENANTS = new TopicSpec<>("fleetgrid.tenants.v1", 3, COMPACT,
			null, String.class, TenantSnapshot.class, "compacted: tenants and their status (ACTIVE, SUSPENDED)");

	private static final List<TopicSpec<?, ?>> ALL = List.of(TELEMETRY, TELEMETRY_DLT, DEVICES, GEOFENCES, RULES,
			ALERTS, DEVICE_STATE, ROLLUPS, TRIPS, NOTIFICATIONS, AUDIT, LOGS, TENANTS);

	private Topics() {
	}

	/**
	 * All topics of the contract.
	 * @return every topic, in the order of the contract table
	 */
	public static List<TopicSpec<?, ?>> all() {
		return ALL;
	}

}
