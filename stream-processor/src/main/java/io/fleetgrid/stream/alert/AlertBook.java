package io.fleetgrid.stream.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;

/**
 * The active alerts of one device (kept in its state store entry) and the lifecycle steps
 * emitted while processing one record. At most one alert is active per (type, geofence);
 * raising an active one or clearing an inactive one does nothing, so the detectors stay
 * simple and a replayed record cannot emit a second RAISED.
 * <p>
 * The {@code alertId} is a name-based UUID of tenant, device, type, geofence and start
 * time: a reprocessing that lost its state would still produce the same id.
 */
public final class AlertBook {

	private final Map<String, AlertEvent> active;

	private final Severities severities;

	private final String tenantId;

	private final String deviceId;

	private final String groupId;

	private final List<AlertEvent> emitted = new ArrayList<>(2);

	/**
	 * A book over a device's active alerts.
	 * @param active the active alerts by {@link #key}, changed in place
	 * @param severities severity per type
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param groupId the device's group, or null
	 */
	public AlertBook(Map<String, AlertEvent> active, Severities severities, String tenantId, String deviceId,
			String groupId) {
		this.active = active;
		this.severities = severities;
		this.tenantId = tenantId;
		this.deviceId = deviceId;
		this.groupId = groupId;
	}

	/**
	 * The key of an alert identity within a device.
	 * @param type type
	 * @param geofenceId geofence, or null
	 * @return {@code TYPE} or {@code TYPE/geofenceId}
	 */
	public static String key(AlertType type, String geofenceId) {
		return (geofenceId != null) ? type.name() + "/" + geofenceId : type.name();
	}

	/**
	 * The active alert of a type.
	 * @param type type
	 * @param geofenceId geofence, or null
	 * @return the latest step of the active alert, or null
	 */
	public AlertEvent active(AlertType type, String geofenceId) {
		return this.active.get(key(type, geofenceId));
	}

	/**
	 * Whether an alert of a type is active.
	 * @param type type
	 * @return true if active (for any geofence when {@code geofenceId} is null)
	 */
	public boolean isActive(AlertType type) {
		return this.active.containsKey(type.name());
	}

	/**
	 * Raises an alert unless it is already active.
	 * @param type type
	 * @param geofenceId geofence, or null
	 * @param startedAt when the condition began
	 * @param ts event time of this step
	 * @param message summary
	 * @param details details
	 * @return true if raised now
	 */
	public boolean raise(AlertType type, String geofenceId, Instant startedAt, Instant ts, String message,
			Map<String, Object> details) {
		String key = key(type, geofenceId);
		if (this.active.containsKey(key)) {
			return false;
		}
		String name = this.tenantId + '|' + this.deviceId + '|' + key + '|' + startedAt.toEpochMilli();
		String alertId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
		AlertEvent raised = new AlertEvent(alertId, this.tenantId, this.deviceId, this.groupId, type,
				this.severities.of(type), Status.RAISED, geofenceId, startedAt, null, ts, 1, message, details, null);
		this.active.put(key, raised);
		this.emitted.add(raised);
		return true;
	}

	/**
	 * Emits an UPDATED step of an active alert.
	 * @param type type
	 * @param geofenceId geofence, or null
	 * @param ts event time of this step
	 * @param message new summary, or null to keep
	 * @param details new details, or null to keep
	 * @return true if the alert was active
	 */
	public boolean update(AlertType type, String geofenceId, Instant ts, String message, Map<String, Object> details) {
		String key = key(type, geofenceId);
		AlertEvent current = this.active.get(key);
		if (current == null) {
			return false;
		}
		AlertEvent updated = current.next(Status.UPDATED, ts, null, message, details);
		this.active.put(key, updated);
		this.emitted.add(updated);
		return true;
	}

	/**
	 * Clears an active alert.
	 * @param type type
	 * @param geofenceId geofence, or null
	 * @param endedAt when the condition ended (not before it started)
	 * @param ts event time of this step
	 * @param message new summary, or null to keep
	 * @param details new details, or null to keep
	 * @return true if the alert was active
	 */
	public boolean clear(AlertType type, String geofenceId, Instant endedAt, Instant ts, String message,
			Map<String, Object> details) {
		AlertEvent current = this.active.remove(key(type, geofenceId));
		if (current == null) {
			return false;
		}
		Instant end = endedAt.isBefore(current.startedAt()) ? current.startedAt() : endedAt;
		Instant at = ts.isBefore(end) ? end : ts;
		this.emitted.add(current.next(Status.CLEARED, at, end, message, details));
		return true;
	}

	/**
	 * The steps emitted through this book, in order.
	 * @return the emitted alert events
	 */
	public List<AlertEvent> emitted() {
		return this.emitted;
	}

	/**
	 * Whether an alert of a type was raised through this book.
	 * @param type type
	 * @return true if a RAISED step of the type was emitted
	 */
	public boolean raisedNow(AlertType type) {
		for (AlertEvent event : this.emitted) {
			if (event.type().equals(type) && event.status() == Status.RAISED) {
				return true;
			}
		}
		return false;
	}

}
