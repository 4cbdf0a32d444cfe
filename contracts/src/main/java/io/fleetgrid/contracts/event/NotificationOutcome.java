package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * The state of one notification (one alert transition to one recipient over one channel)
 * after a delivery step, on {@code fleetgrid.notifications.v1} (key alertId).
 *
 * @param notificationId notification id, the idempotency key of the delivery
 * @param alertId alert
 * @param alertVersion the alert event version (lifecycle step) being notified
 * @param tenantId tenant
 * @param channel WEB, EMAIL or WEBHOOK
 * @param recipient user id (WEB, EMAIL) or webhook id (WEBHOOK)
 * @param status delivery status after this step
 * @param attempt delivery attempt number, starting at 1 (0 if never attempted, for
 * example SUPPRESSED)
 * @param detail error, suppression reason or other note, or null
 * @param ts when
 */
public record NotificationOutcome(String notificationId, String alertId, long alertVersion, String tenantId,
		Channel channel, String recipient, DeliveryStatus status, int attempt, String detail, Instant ts) {

	public NotificationOutcome {
		Fields.requiredText(notificationId, "notificationId");
		Fields.requiredText(alertId, "alertId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(channel, "channel");
		Fields.requiredText(recipient, "recipient");
		Fields.required(status, "status");
		Fields.required(ts, "ts");
		if (alertVersion < 1) {
			throw new IllegalArgumentException("alertVersion must be >= 1: " + alertVersion);
		}
		Fields.nonNegative(attempt, "attempt");
	}

	/** Notification channel. */
	public enum Channel {

		/** Live in the portal (Server-Sent Events). */
		WEB,
		/** E-mail. */
		EMAIL,
		/** Signed HTTP POST to a tenant's endpoint. */
		WEBHOOK

	}

	/** Delivery status. */
	public enum DeliveryStatus {

		/** Not delivered yet (queued, held for quiet hours, or waiting for a retry). */
		PENDING,
		/** Delivered. */
		SENT,
		/** Given up. */
		FAILED,
		/**
		 * Deliberately not sent (throttled, filtered, quiet hours digest); see detail.
		 */
		SUPPRESSED

	}

}
