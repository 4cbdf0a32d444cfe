package io.fleetgrid.notification.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;

/**
 * A notification in the delivery history.
 *
 * @param id id
 * @param alertId alert
 * @param alertVersion alert version
 * @param alertStatus alert status of the notified transition
 * @param severity severity
 * @param alertType alert type
 * @param deviceId device
 * @param subscriptionId subscription ({@code default}, {@code escalation} or an id)
 * @param userId recipient user, or null
 * @param channel channel
 * @param target address, user id or webhook id
 * @param status PENDING, SENT, FAILED or SUPPRESSED
 * @param reason suppression reason, error or note
 * @param attempts delivery attempts
 * @param nextAttemptAt when a PENDING notification is due
 * @param createdAt created
 * @param sentAt sent
 * @param summary for a throttle summary: how many notifications were suppressed in which
 * window, else null
 */
public record NotificationView(long id, String alertId, long alertVersion, String alertStatus, String severity,
		String alertType, String deviceId, String subscriptionId, @Nullable String userId, Channel channel,
		String target, DeliveryStatus status, @Nullable String reason, int attempts, @Nullable Instant nextAttemptAt,
		Instant createdAt, @Nullable Instant sentAt, @Nullable ThrottleSummary summary) {

	static NotificationView of(Delivery d) {
		return new NotificationView(d.id(), d.alertId(), d.alertVersion(), d.alertStatus(), d.severity(), d.alertType(),
				d.deviceId(), d.subscriptionId(), d.userId(), d.channel(), d.target(), d.status(), d.reason(),
				d.attempts(), (d.status() == DeliveryStatus.PENDING) ? d.nextAttemptAt() : null, d.createdAt(),
				d.sentAt(), d.summary());
	}

}
