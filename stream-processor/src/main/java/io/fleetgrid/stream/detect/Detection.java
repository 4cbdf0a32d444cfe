package io.fleetgrid.stream.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.alert.AlertBook;
import io.fleetgrid.stream.config.StreamSettings.Detectors;
import io.fleetgrid.stream.registry.GeofenceIndex;

/**
 * The input of the detectors for one event. The memory still holds the values of the
 * previous event ({@code lastSpeedKph}, {@code lastPosition}, ...); the processor
 * advances it after every detector ran.
 */
public final class Detection {

	private final TelemetryEvent event;

	private final DeviceSnapshot device;

	private final Thresholds thresholds;

	private final Detectors settings;

	private final DeviceMemory memory;

	private final AlertBook alerts;

	private final GeofenceIndex geofenceIndex;

	private List<GeofenceSnapshot> geofences;

	/**
	 * The input of one event.
	 * @param event the event
	 * @param device the device from the registry
	 * @param thresholds effective thresholds of the device's group
	 * @param settings platform-wide detector settings
	 * @param memory the device's memory
	 * @param alerts the device's alerts
	 * @param geofenceIndex the geofence index
	 */
	public Detection(TelemetryEvent event, DeviceSnapshot device, Thresholds thresholds, Detectors settings,
			DeviceMemory memory, AlertBook alerts, GeofenceIndex geofenceIndex) {
		this.event = event;
		this.device = device;
		this.thresholds = thresholds;
		this.settings = settings;
		this.memory = memory;
		this.alerts = alerts;
		this.geofenceIndex = geofenceIndex;
	}

	public TelemetryEvent event() {
		return this.event;
	}

	public Instant ts() {
		return this.event.ts();
	}

	public DeviceSnapshot device() {
		return this.device;
	}

	public Thresholds thresholds() {
		return this.thresholds;
	}

	public Detectors settings() {
		return this.settings;
	}

	public DeviceMemory memory() {
		return this.memory;
	}

	public AlertBook alerts() {
		return this.alerts;
	}

	/**
	 * A numeric metric of the event.
	 * @param metric name
	 * @return value or empty
	 */
	public OptionalDouble number(String metric) {
		return this.event.number(metric);
	}

	/**
	 * The event's position.
	 * @return the position, or null if the event has no valid lat/lon
	 */
	public GeoPoint position() {
		OptionalDouble lat = this.event.number("lat");
		OptionalDouble lon = this.event.number("lon");
		if (lat.isEmpty() || lon.isEmpty()) {
			return null;
		}
		double la = lat.getAsDouble();
		double lo = lon.getAsDouble();
		return (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) ? new GeoPoint(la, lo) : null;
	}

	/**
	 * The geofences that contain the event's position (computed once per event).
	 * @return the containing geofences applicable to the device's group
	 */
	public List<GeofenceSnapshot> geofences() {
		if (this.geofences == null) {
			GeoPoint position = position();
			this.geofences = (position != null)
					? this.geofenceIndex.containing(this.device.tenantId(), this.device.groupId(), position)
					: List.of();
		}
		return this.geofences;
	}

	/**
	 * The geofence index (to look up geofences the device was in).
	 * @return the index
	 */
	public GeofenceIndex geofenceIndex() {
		return this.geofenceIndex;
	}

	/**
	 * Seconds between two instants.
	 * @param from earlier
	 * @param to later
	 * @return seconds (fractional)
	 */
	public static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

}
