package io.fleetgrid.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/webhooks}.
 *
 * @param url the http(s) URL to POST to
 * @param description optional note
 */
public record WebhookRequest(@NotBlank @Size(max = 2000) String url, @Nullable @Size(max = 200) String description) {
}
