package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.List;

/**
 * A completed vehicle trip on {@code fleetgrid.trips.v1}.
 *
 * @param tripId trip id
 * @param deviceId device
 * @param tenantId tenant
 * @param startedAt ignition on / first movement
 * @param endedAt ignition off / stop
 * @param distanceKm distance driven
 * @param maxSpeedKph top speed
 * @param avgSpeedKph average moving speed
 * @param route simplified route as [lat, lon] pairs
 */
public record Trip(String tripId, String deviceId, String tenantId, Instant startedAt, Instant endedAt,
		double distanceKm, double maxSpeedKph, double avgSpeedKph, List<double[]> route) {
}
