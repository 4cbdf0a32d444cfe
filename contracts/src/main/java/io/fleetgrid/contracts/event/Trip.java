package io.fleetgrid.contracts.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A completed vehicle trip on {@code fleetgrid.trips.v1} (key deviceId).
 *
 * @param tripId trip id, stable across reprocessing (consumers upsert by it)
 * @param deviceId device
 * @param tenantId tenant
 * @param startedAt ignition on or first movement
 * @param endedAt ignition off or start of the idle gap that ended the trip
 * @param startPosition where it started, or null if unknown
 * @param endPosition where it ended, or null if unknown
 * @param distanceKm distance driven
 * @param maxSpeedKph top speed
 * @param avgSpeedKph average speed while moving
 * @param harshBrakingCount harsh braking events during the trip
 * @param harshAccelerationCount harsh acceleration events during the trip
 * @param overspeedCount overspeed alerts raised during the trip
 * @param endReason what ended the trip
 * @param route simplified route (for example Douglas-Peucker), may be empty
 */
public record Trip(String tripId, String deviceId, String tenantId, Instant startedAt, Instant endedAt,
		GeoPoint startPosition, GeoPoint endPosition, double distanceKm, double maxSpeedKph, double avgSpeedKph,
		int harshBrakingCount, int harshAccelerationCount, int overspeedCount, EndReason endReason,
		List<GeoPoint> route) {

	public Trip {
		Fields.requiredText(tripId, "tripId");
		Fields.requiredText(deviceId, "deviceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(startedAt, "startedAt");
		Fields.required(endedAt, "endedAt");
		Fields.required(endReason, "endReason");
		if (endedAt.isBefore(startedAt)) {
			throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
		}
		Fields.nonNegative(distanceKm, "distanceKm");
		Fields.nonNegative(maxSpeedKph, "maxSpeedKph");
		Fields.nonNegative(avgSpeedKph, "avgSpeedKph");
		Fields.nonNegative(harshBrakingCount, "harshBrakingCount");
		Fields.nonNegative(harshAccelerationCount, "harshAccelerationCount");
		Fields.nonNegative(overspeedCount, "overspeedCount");
		route = Fields.list(route, "route");
	}

	/**
	 * How long the trip took.
	 * @return endedAt - startedAt
	 */
	public Duration duration() {
		return Duration.between(this.startedAt, this.endedAt);
	}

	/** What ended a trip. */
	public enum EndReason {

		/** The ignition was switched off. */
		IGNITION_OFF,
		/** The vehicle stood still (or sent nothing) for longer than the idle gap. */
		IDLE_GAP

	}

}
