package io.fleetgrid.notification.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's webhook endpoint.
 *
 * @param id id
 * @param tenantId tenant
 * @param url target URL
 * @param secret signing secret
 * @param description note, or null
 * @param enabled whether deliveries are attempted
 * @param disabledReason why it was disabled, or null
 * @param failingSince start of the current run of failures, or null
 * @param createdBy user who registered it
 * @param createdAt when
 */
public record Webhook(UUID id, String tenantId, String url, String secret, @Nullable String description,
		boolean enabled, @Nullable String disabledReason, @Nullable Instant failingSince, String createdBy,
		Instant createdAt) {
}
