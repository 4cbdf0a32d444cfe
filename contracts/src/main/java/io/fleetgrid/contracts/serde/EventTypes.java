package io.fleetgrid.contracts.serde;

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
import io.fleetgrid.contracts.topic.TopicSpec;

/**
 * The logical type and schema version of every FleetGrid event. Bump the version here
 * whenever a record changes: the minor for added optional fields, the major for anything
 * else (see {@link SchemaVersion}).
 */
public final class EventTypes {

	/** Accepted telemetry. */
	public static final EventType<TelemetryEvent> TELEMETRY = new EventType<>("fleetgrid.telemetry", v1(),
			TelemetryEvent.class);

	/** Rejected telemetry with the reason. */
	public static final EventType<DeadLetter> DEAD_LETTER = new EventType<>("fleetgrid.dead-letter", v1(),
			DeadLetter.class);

	/** Device registry snapshot. */
	public static final EventType<DeviceSnapshot> DEVICE = new EventType<>("fleetgrid.device", v1(),
			DeviceSnapshot.class);

	/** Geofence. */
	public static final EventType<GeofenceSnapshot> GEOFENCE = new EventType<>("fleetgrid.geofence", v1(),
			GeofenceSnapshot.class);

	/** Rule settings of a group or tenant. */
	public static final EventType<RuleSettings> RULE_SETTINGS = new EventType<>("fleetgrid.rule-settings", v1(),
			RuleSettings.class);

	/** Alert lifecycle event. */
	public static final EventType<AlertEvent> ALERT = new EventType<>("fleetgrid.alert", v1(), AlertEvent.class);

	/** Last known device state. */
	public static final EventType<DeviceState> DEVICE_STATE = new EventType<>("fleetgrid.device-state", v1(),
			DeviceState.class);

	/** Per-minute or per-hour aggregate. */
	public static final EventType<Rollup> ROLLUP = new EventType<>("fleetgrid.rollup", v1(), Rollup.class);

	/** Completed trip. */
	public static final EventType<Trip> TRIP = new EventType<>("fleetgrid.trip", v1(), Trip.class);

	/** Notification delivery outcome. */
	public static final EventType<NotificationOutcome> NOTIFICATION = new EventType<>("fleetgrid.notification", v1(),
			NotificationOutcome.class);

	/** Audit event. */
	public static final EventType<AuditEvent> AUDIT = new EventType<>("fleetgrid.audit", v1(), AuditEvent.class);

	/** Application log line. */
	public static final EventType<LogEvent> LOG = new EventType<>("fleetgrid.log", v1(), LogEvent.class);

	/** Tenant and its status. */
	public static final EventType<TenantSnapshot> TENANT = new EventType<>("fleetgrid.tenant", v1(),
			TenantSnapshot.class);

	private static final List<EventType<?>> ALL = List.of(TELEMETRY, DEAD_LETTER, DEVICE, GEOFENCE, RULE_SETTINGS,
			ALERT, DEVICE_STATE, ROLLUP, TRIP, NOTIFICATION, AUDIT, LOG, TENANT);

	private EventTypes() {
	}

	private static SchemaVersion v1() {
		return SchemaVersion.of(1, 0);
	}

	/**
	 * Every event type.
	 * @return all types
	 */
	public static List<EventType<?>> all() {
		return ALL;
	}

	/**
	 * The event type of a record class.
	 * @param <T> the record type
	 * @param javaType the record class
	 * @return its event type
	 * @throws IllegalArgumentException if the class is not a FleetGrid event
	 */
	@SuppressWarnings("unchecked")
	public static <T> EventType<T> forJavaType(Class<T> javaType) {
		for (EventType<?> type : ALL) {
			if (type.javaType() == javaType) {
				return (EventType<T>) type;
			}
		}
		throw new IllegalArgumentException(javaType.getName() + " is not a FleetGrid event type");
	}

	/**
	 * The event type with a logical id.
	 * @param id logical type id, for example {@code fleetgrid.alert}
	 * @return its event type
	 * @throws IllegalArgumentException if no event type has that id
	 */
	public static EventType<?> forId(String id) {
		for (EventType<?> type : ALL) {
			if (type.id().equals(id)) {
				return type;
			}
		}
		throw new IllegalArgumentException("unknown FleetGrid event type id: " + id);
	}

	/**
	 * The event type of a topic's values.
	 * @param <V> the value type
	 * @param topic the topic
	 * @return the event type of its values
	 */
	public static <V> EventType<V> forTopic(TopicSpec<?, V> topic) {
		return forJavaType(topic.valueType());
	}

}
