package io.fleetgrid.notification.subscription;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.notification.directory.DeviceInfo;
import io.fleetgrid.notification.directory.TenantUser;

/**
 * A user's subscription: which alerts reach the user over which channels. Empty sets mean
 * "any". A user with role USER only ever gets alerts of devices assigned to the user.
 *
 * @param id subscription id ({@code default:<channel-set>} for a default subscription)
 * @param tenantId tenant
 * @param userId owner
 * @param name display name
 * @param channels channels
 * @param minSeverity lowest severity delivered
 * @param alertTypes alert types, empty for any
 * @param groupIds groups, empty for any
 * @param deviceIds devices, empty for any
 * @param quietStart start of quiet hours in the user's time zone, or null
 * @param quietEnd end of quiet hours in the user's time zone, or null
 * @param webhookId the tenant webhook used for the WEBHOOK channel, or null
 * @param enabled whether it is active
 * @param createdAt created
 * @param updatedAt last change
 */
public record Subscription(String id, String tenantId, String userId, String name, Set<Channel> channels,
		Severity minSeverity, Set<String> alertTypes, Set<String> groupIds, Set<String> deviceIds,
		@Nullable LocalTime quietStart, @Nullable LocalTime quietEnd, @Nullable UUID webhookId, boolean enabled,
		Instant createdAt, Instant updatedAt) {

	public Subscription {
		channels = Set.copyOf(channels);
		alertTypes = Set.copyOf(alertTypes);
		groupIds = Set.copyOf(groupIds);
		deviceIds = Set.copyOf(deviceIds);
	}

	/**
	 * Whether an alert passes this subscription's filters for a user.
	 * @param alert the alert
	 * @param device what is known about its device, or null
	 * @param user the owner
	 * @return true if the alert is for this subscription
	 */
	public boolean matches(AlertEvent alert, @Nullable DeviceInfo device, TenantUser user) {
		if (!this.enabled || alert.severity().compareTo(this.minSeverity) < 0) {
			return false;
		}
		if (!this.alertTypes.isEmpty() && !this.alertTypes.contains(alert.type().name())) {
			return false;
		}
		String groupId = (alert.groupId() != null) ? alert.groupId() : ((device != null) ? device.groupId() : null);
		if (!this.groupIds.isEmpty() && (groupId == null || !this.groupIds.contains(groupId))) {
			return false;
		}
		if (!this.deviceIds.isEmpty() && !this.deviceIds.contains(alert.deviceId())) {
			return false;
		}
		if (!user.isManager()) {
			return device != null && device.assignedUserIds().contains(user.id());
		}
		return true;
	}

	/**
	 * Whether an instant falls into this subscription's quiet hours in a zone.
	 * @param at the instant
	 * @param user the owner (for the time zone)
	 * @return true inside quiet hours
	 */
	public boolean isQuiet(Instant at, TenantUser user) {
		return QuietHours.contains(this.quietStart, this.quietEnd, at.atZone(user.zone()));
	}

	/**
	 * The end of the quiet hours that contain {@code at}.
	 * @param at an instant inside quiet hours
	 * @param user the owner (for the time zone)
	 * @return when they end
	 */
	public Instant quietEndsAfter(Instant at, TenantUser user) {
		ZonedDateTime local = at.atZone(user.zone());
		return QuietHours.endAfter(this.quietStart, this.quietEnd, local).toInstant();
	}

}
