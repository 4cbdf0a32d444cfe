package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * Outcome of one notification delivery attempt on {@code fleetgrid.notifications.v1} (key
 * alertId).
 *
 * @param notificationId notification id
 * @param alertId alert
 * @param tenantId tenant
 * @param channel WEB, EMAIL or WEBHOOK
 * @param recipient user id or webhook id
 * @param outcome DELIVERED, FAILED, RETRYING, DEAD_LETTERED, SUPPRESSED
 * @param attempt attempt number
 * @param detail error or note
 * @param ts when
 */
public record NotificationOutcome(String notificationId, String alertId, String tenantId, String channel,
		String recipient, String outcome, int attempt, String detail, Instant ts) {
}
