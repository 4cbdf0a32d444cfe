package io.fleetgrid.notification.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/v1/notifications/policy}.
 *
 * @param escalationMinutes minutes a CRITICAL alert may stay unacknowledged before the
 * tenant's ADMINs are notified (1 to 1440), or null for the configured default
 */
public record PolicyRequest(@Nullable @Min(value = 1, message = "must be between 1 and 1440 minutes") @Max(value = 1440,
		message = "must be between 1 and 1440 minutes") Integer escalationMinutes) {
}
