package io.fleetgrid.notification.subscription;

import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;

/**
 * Body of {@code POST /api/v1/subscriptions} and {@code PUT /api/v1/subscriptions/{id}}.
 *
 * @param name display name
 * @param channels WEB, EMAIL and/or WEBHOOK
 * @param minSeverity lowest severity (default INFO)
 * @param alertTypes alert types (empty: any)
 * @param groupIds groups (empty: any)
 * @param deviceIds devices (empty: any)
 * @param quietHours quiet hours in the user's time zone, or null
 * @param webhookId the tenant webhook for the WEBHOOK channel
 * @param enabled whether it is active (default true)
 */
public record SubscriptionRequest(@NotBlank @Size(max = 100) String name,
		@NotEmpty(message = "must name at least one channel") Set<@NotNull Channel> channels,
		@Nullable Severity minSeverity,
		@Nullable @Size(max = 50) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}",
				message = "must be an alert type such as OVERSPEED") String> alertTypes,
		@Nullable @Size(max = 100) Set<@NotBlank String> groupIds,
		@Nullable @Size(max = 500) Set<@NotBlank String> deviceIds, @Nullable @Valid QuietHoursRequest quietHours,
		@Nullable UUID webhookId, @Nullable Boolean enabled) {

	/**
	 * Quiet hours: local times {@code HH:mm}; the range may wrap midnight.
	 *
	 * @param start start
	 * @param end end
	 */
	public record QuietHoursRequest(@NotNull LocalTime start, @NotNull LocalTime end) {
	}

}
