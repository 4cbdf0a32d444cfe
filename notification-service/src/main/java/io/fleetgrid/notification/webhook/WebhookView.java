package io.fleetgrid.notification.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as the API shows it; {@code secret} only in the answer to its creation.
 *
 * @param id id
 * @param url URL
 * @param description note
 * @param enabled whether deliveries are attempted
 * @param disabledReason why it was disabled
 * @param failingSince start of the current run of failures
 * @param createdAt when
 * @param secret the signing secret (shown once), otherwise absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, @Nullable String description, boolean enabled,
		@Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt, @Nullable String secret) {

	static WebhookView of(Webhook webhook, boolean withSecret) {
		return new WebhookView(webhook.id(), webhook.url(), webhook.description(), webhook.enabled(),
				webhook.disabledReason(), webhook.failingSince(), webhook.createdAt(),
				withSecret ? webhook.secret() : null);
	}

}
