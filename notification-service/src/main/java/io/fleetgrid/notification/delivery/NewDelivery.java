package io.fleetgrid.notification.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;

/**
 * A planned notification, before it is stored.
 *
 * @param alert the alert transition
 * @param subscriptionId subscription
 * @param userId recipient user, or null
 * @param channel channel
 * @param target address, user id or webhook id
 * @param status PENDING or SUPPRESSED
 * @param reason why (suppressed, held), or null
 * @param digest whether it waits for a digest
 * @param dueAt when it is due
 * @param summary for the summary of a throttle window (then {@code alert} is the last
 * suppressed one), or null
 */
record NewDelivery(AlertEvent alert, String subscriptionId, @Nullable String userId, Channel channel, String target,
		DeliveryStatus status, @Nullable String reason, boolean digest, Instant dueAt,
		@Nullable ThrottleSummary summary) {

	NewDelivery(AlertEvent alert, String subscriptionId, @Nullable String userId, Channel channel, String target,
			DeliveryStatus status, @Nullable String reason, boolean digest, Instant dueAt) {
		this(alert, subscriptionId, userId, channel, target, status, reason, digest, dueAt, null);
	}

	/**
	 * The unique key: {@code alertId:version:status:subscription:user:channel:target} for
	 * an alert transition,
	 * {@code summary:tenant:device:type:subscription:user:channel:windowEndMillis} for a
	 * throttle summary.
	 */
	String idempotencyKey() {
		if (this.summary != null) {
			return "summary:" + this.alert.tenantId() + ":" + this.alert.deviceId() + ":" + this.alert.type() + ":"
					+ this.subscriptionId + ":" + ((this.userId != null) ? this.userId : "-") + ":" + this.channel + ":"
					+ this.summary.to().toEpochMilli();
		}
		return this.alert.alertId() + ":" + this.alert.version() + ":" + this.alert.status() + ":" + this.subscriptionId
				+ ":" + ((this.userId != null) ? this.userId : "-") + ":" + this.channel + ":" + this.target;
	}

}
