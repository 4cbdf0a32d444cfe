package io.fleetgrid.stream.trip;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.event.Trip.EndReason;
import io.fleetgrid.stream.codec.EncodedRoute;
import io.fleetgrid.stream.config.StreamSettings.Detectors;
import io.fleetgrid.stream.detect.Detection;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.detect.DeviceMemory.TripProgress;
import io.fleetgrid.stream.geo.DouglasPeucker;
import io.fleetgrid.stream.geo.Geo;

/**
 * Follows a vehicle's trip across events (state in {@link DeviceMemory#trip}). A trip
 * starts with ignition on, or — for trackers without an ignition signal — with movement
 * (speed above {@code tripMovingKph}); it ends with ignition off, or when the vehicle
 * stood still or sent nothing for {@code tripIdleGap} (the trip then ends at its last
 * movement). Route points are kept at least 20 m apart and simplified with
 * Douglas-Peucker ({@code tripRouteToleranceM}) when the trip ends and whenever more than
 * {@value #MAX_ROUTE_POINTS} points pile up; if that leaves more than three quarters of
 * them (a long, winding trip), the tolerance is doubled until it does not, so the route
 * in progress stays small.
 */
public final class TripTracker {

	/**
	 * Route points kept while the trip is in progress: the route is part of the device's
	 * memory, which is read and written (and changelogged) with every event.
	 */
	static final int MAX_ROUTE_POINTS = 200;

	private static final double MIN_POINT_SPACING_M = 20;

	/**
	 * Updates the trip with an event (run after the detectors, before the memory moves on
	 * to this event).
	 * @param detection the event
	 * @return the trip that this event completed, if any
	 */
	public Optional<Trip> track(Detection detection) {
		if (detection.device().type() != DeviceType.VEHICLE) {
			return Optional.empty();
		}
		DeviceMemory memory = detection.memory();
		Instant ts = detection.ts();
		Optional<Boolean> ignition = detection.event().flag("ignition");
		OptionalDouble speed = detection.number("speedKph");
		boolean moving = speed.isPresent() && speed.getAsDouble() > detection.settings().tripMovingKph();
		Duration idleGap = detection.settings().tripIdleGap();
		Trip completed = null;
		TripProgress trip = memory.trip;
		if (trip != null) {
			Instant lastMoving = (trip.lastMovingTs != null) ? trip.lastMovingTs : trip.startedAt;
			if (ignition.isPresent() && !ignition.get()) {
				add(detection, trip, speed, moving);
				completed = finish(detection.device(), memory, detection.settings(), trip, ts, EndReason.IGNITION_OFF);
				memory.trip = null;
				return Optional.of(completed);
			}
			if (Duration.between(lastMoving, ts).compareTo(idleGap) >= 0 && !moving) {
				completed = finish(detection.device(), memory, detection.settings(), trip, lastMoving,
						EndReason.IDLE_GAP);
				memory.trip = null;
				trip = null;
			}
			else if (Duration.between(trip.lastTs, ts).compareTo(idleGap) >= 0) {
				completed = finish(detection.device(), memory, detection.settings(), trip, lastMoving,
						EndReason.IDLE_GAP);
				memory.trip = null;
				trip = null;
			}
		}
		if (trip == null && (ignition.orElse(false) || moving)) {
			trip = new TripProgress();
			trip.startedAt = ts;
			trip.startPosition = detection.position();
			trip.lastTs = ts;
			memory.trip = trip;
		}
		if (trip != null) {
			add(detection, trip, speed, moving);
		}
		return Optional.ofNullable(completed);
	}

	private static void add(Detection detection, TripProgress trip, OptionalDouble speed, boolean moving) {
		DeviceMemory memory = detection.memory();
		GeoPoint position = detection.position();
		if (position != null && memory.lastPosition != null && trip.lastTs.isBefore(detection.ts())) {
			trip.distanceKm += Geo.distanceM(memory.lastPosition, position) / 1000;
		}
		if (position != null) {
			if (trip.startPosition == null) {
				trip.startPosition = position;
			}
			if (trip.route.isEmpty()
					|| Geo.distanceM(trip.route.get(trip.route.size() - 1), position) >= MIN_POINT_SPACING_M) {
				// kept as the device memory stores it (10⁻⁷°, encoded as it is added)
				trip.route.add(position);
				if (trip.route.size() > MAX_ROUTE_POINTS) {
					trip.route = simplify(trip.route, detection.settings().tripRouteToleranceM());
				}
			}
		}
		if (speed.isPresent()) {
			trip.maxSpeedKph = Math.max(trip.maxSpeedKph, speed.getAsDouble());
			if (moving) {
				trip.speedSum += speed.getAsDouble();
				trip.speedSamples++;
			}
		}
		if (moving) {
			trip.lastMovingTs = detection.ts();
		}
		if (detection.alerts().raisedNow(AlertType.HARSH_BRAKING)) {
			trip.harshBraking++;
		}
		if (detection.alerts().raisedNow(AlertType.HARSH_ACCELERATION)) {
			trip.harshAcceleration++;
		}
		if (detection.alerts().raisedNow(AlertType.OVERSPEED)) {
			trip.overspeed++;
		}
		trip.lastTs = detection.ts();
	}

	/**
	 * Ends the trip in progress of a device that went silent (run by the offline
	 * punctuation): at its last movement, with the same id and reason as the idle gap
	 * would give it with the device's next event.
	 * @param device the device
	 * @param memory its memory (the trip is removed from it)
	 * @param settings detector settings
	 * @return the completed trip, if one was in progress
	 */
	public Optional<Trip> endSilent(DeviceSnapshot device, DeviceMemory memory, Detectors settings) {
		TripProgress trip = memory.trip;
		if (trip == null || device.type() != DeviceType.VEHICLE) {
			return Optional.empty();
		}
		Instant lastMoving = (trip.lastMovingTs != null) ? trip.lastMovingTs : trip.startedAt;
		memory.trip = null;
		return Optional.of(finish(device, memory, settings, trip, lastMoving, EndReason.IDLE_GAP));
	}

	private static Trip finish(DeviceSnapshot device, DeviceMemory memory, Detectors settings, TripProgress trip,
			Instant endedAt, EndReason reason) {
		Instant end = endedAt.isBefore(trip.startedAt) ? trip.startedAt : endedAt;
		List<GeoPoint> route = DouglasPeucker.simplify(trip.route, settings.tripRouteToleranceM());
		GeoPoint endPosition = route.isEmpty() ? memory.lastPosition : route.get(route.size() - 1);
		String name = device.tenantId() + '|' + device.deviceId() + '|' + trip.startedAt.toEpochMilli();
		String tripId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
		double avg = (trip.speedSamples > 0) ? trip.speedSum / trip.speedSamples : 0;
		return new Trip(tripId, device.deviceId(), device.tenantId(), trip.startedAt, end, trip.startPosition,
				endPosition, Math.round(trip.distanceKm * 1000) / 1000.0, trip.maxSpeedKph, Math.round(avg * 10) / 10.0,
				trip.harshBraking, trip.harshAcceleration, trip.overspeed, reason, route);
	}

	private static List<GeoPoint> simplify(List<GeoPoint> route, double toleranceM) {
		List<GeoPoint> simplified = DouglasPeucker.simplify(route, toleranceM);
		double tolerance = toleranceM;
		while (simplified.size() > MAX_ROUTE_POINTS * 3 / 4 && tolerance < 100_000) {
			tolerance *= 2;
			simplified = DouglasPeucker.simplify(simplified, tolerance);
		}
		return EncodedRoute.of(simplified);
	}

}
