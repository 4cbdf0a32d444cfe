package io.fleetgrid.notification.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;
import io.fleetgrid.contracts.serde.JsonSerdes;

/**
 * One notification: an alert transition to one recipient of one subscription over one
 * channel.
 *
 * @param id row id (also the SSE event id)
 * @param idempotencyKey unique key of the notification
 * @param tenantId tenant
 * @param alertId alert
 * @param alertVersion alert version
 * @param alertStatus alert status of the transition
 * @param severity alert severity
 * @param alertType alert type
 * @param deviceId device
 * @param alertJson the alert event as JSON
 * @param subscriptionId subscription (or {@code default}, {@code escalation})
 * @param userId the recipient user, or null
 * @param channel channel
 * @param target e-mail address, user id (WEB) or webhook id
 * @param status status
 * @param reason suppression reason, error or note
 * @param digest whether it waits for a quiet-hours digest
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when it is due
 * @param createdAt created
 * @param sentAt when it was sent
 * @param summary for the summary of a throttle window: what was suppressed; null for an
 * alert transition
 */
public record Delivery(long id, String idempotencyKey, String tenantId, String alertId, long alertVersion,
		String alertStatus, String severity, String alertType, String deviceId, String alertJson, String subscriptionId,
		@Nullable String userId, Channel channel, String target, DeliveryStatus status, @Nullable String reason,
		boolean digest, int attempts, Instant nextAttemptAt, Instant createdAt, @Nullable Instant sentAt,
		@Nullable ThrottleSummary summary) {

	/**
	 * The alert event (of a summary: the last suppressed alert).
	 * @return the alert
	 */
	public AlertEvent alert() {
		return JsonSerdes.mapper().readValue(this.alertJson, AlertEvent.class);
	}

}
