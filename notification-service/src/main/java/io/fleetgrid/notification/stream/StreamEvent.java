package io.fleetgrid.notification.stream;

import io.fleetgrid.contracts.event.AlertEvent;

/**
 * Data of an {@code alert} event on the live stream.
 *
 * @param notificationId the delivery id (also the SSE event id)
 * @param transition the alert status being notified
 * @param alert the alert event
 */
public record StreamEvent(long notificationId, String transition, AlertEvent alert) {
}
