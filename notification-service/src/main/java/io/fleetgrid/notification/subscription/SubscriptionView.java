package io.fleetgrid.notification.subscription;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;

/**
 * A subscription as the API shows it.
 *
 * @param id id
 * @param name name
 * @param channels channels
 * @param minSeverity lowest severity
 * @param alertTypes alert types
 * @param groupIds groups
 * @param deviceIds devices
 * @param quietHours quiet hours or null
 * @param webhookId webhook for the WEBHOOK channel or null
 * @param enabled active
 * @param isDefault true for the implicit default of a user without subscriptions
 * @param createdAt created
 * @param updatedAt last change
 */
public record SubscriptionView(String id, String name, Set<Channel> channels, Severity minSeverity,
		Set<String> alertTypes, Set<String> groupIds, Set<String> deviceIds, @Nullable QuietHoursView quietHours,
		@Nullable UUID webhookId, boolean enabled, boolean isDefault, Instant createdAt, Instant updatedAt) {

	static SubscriptionView of(Subscription subscription, boolean isDefault) {
		QuietHoursView quiet = (subscription.quietStart() != null && subscription.quietEnd() != null)
				? new QuietHoursView(subscription.quietStart(), subscription.quietEnd()) : null;
		return new SubscriptionView(subscription.id(), subscription.name(), subscription.channels(),
				subscription.minSeverity(), subscription.alertTypes(), subscription.groupIds(),
				subscription.deviceIds(), quiet, subscription.webhookId(), subscription.enabled(), isDefault,
				subscription.createdAt(), subscription.updatedAt());
	}

	/**
	 * Quiet hours.
	 *
	 * @param start local start
	 * @param end local end
	 */
	public record QuietHoursView(LocalTime start, LocalTime end) {
	}

}
