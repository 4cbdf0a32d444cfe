package io.fleetgrid.device.history;

import java.time.Instant;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;

/**
 * Search criteria for alerts; null means "any".
 *
 * @param visibleTo only alerts of devices assigned to this user (role USER), or null
 * @param deviceId device
 * @param status latest status
 * @param severity severity
 * @param type alert type name
 * @param from event time, inclusive
 * @param to event time, exclusive
 */
record AlertFilter(String visibleTo, String deviceId, Status status, Severity severity, String type, Instant from,
		Instant to) {

}
