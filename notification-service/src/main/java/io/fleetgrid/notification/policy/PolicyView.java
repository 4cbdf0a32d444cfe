package io.fleetgrid.notification.policy;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's notification policy as the API shows it.
 *
 * @param escalationMinutes the escalation time in force (the tenant's, or the default)
 * @param isDefault whether it is the configured default ({@code escalation.after})
 * @param defaultEscalationMinutes the configured default
 * @param updatedBy who set the tenant's value, or null
 * @param updatedAt when, or null
 */
public record PolicyView(long escalationMinutes, boolean isDefault, long defaultEscalationMinutes,
		@Nullable String updatedBy, @Nullable Instant updatedAt) {
}
