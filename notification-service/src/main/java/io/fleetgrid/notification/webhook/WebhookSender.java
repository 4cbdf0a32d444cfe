package io.fleetgrid.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.delivery.ChannelSender;
import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.ThrottleSummary;
import io.fleetgrid.notification.directory.TenantUser;
import io.fleetgrid.notification.directory.UserDirectory;
import io.fleetgrid.notification.directory.UserLookupException;
import io.fleetgrid.notification.email.EmailSender;

import org.springframework.stereotype.Component;

/**
 * Sends WEBHOOK deliveries: a JSON POST signed as {@link WebhookSignature} describes,
 * with {@code X-FleetGrid-Delivery} (the idempotency key, for receivers to drop
 * duplicates). Redirects are not followed; the SSRF guard checks the target before each
 * attempt. Each endpoint has its own circuit breaker; an endpoint failing continuously
 * for {@code webhooks.disable-after} is disabled and the tenant's admins get an e-mail.
 */
@Component
class WebhookSender implements ChannelSender {

	private static final Logger LOGGER = LoggerFactory.getLogger(WebhookSender.class);

	private final WebhookRepository webhooks;

	private final SsrfGuard guard;

	private final UserDirectory users;

	private final EmailSender email;

	private final Clock clock;

	private final NotificationProperties.Webhooks settings;

	private final HttpClient http;

	private final CircuitBreakerRegistry breakers;

	WebhookSender(WebhookRepository webhooks, SsrfGuard guard, UserDirectory users, EmailSender email, Clock clock,
			NotificationProperties properties) {
		this.webhooks = webhooks;
		this.guard = guard;
		this.users = users;
		this.email = email;
		this.clock = clock;
		this.settings = properties.webhooks();
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(this.settings.breakerFailures())
			.minimumNumberOfCalls(this.settings.breakerFailures())
			.failureRateThreshold(100)
			.waitDurationInOpenState(this.settings.breakerOpenFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public Result send(List<Delivery> deliveries) {
		Delivery delivery = deliveries.get(0);
		Webhook webhook = this.webhooks.find(delivery.tenantId(), UUID.fromString(delivery.target())).orElse(null);
		if (webhook == null) {
			return Result.fail("webhook deleted");
		}
		if (!webhook.enabled()) {
			return Result.fail("webhook disabled: " + webhook.disabledReason());
		}
		try {
			this.guard.check(webhook.url());
		}
		catch (SsrfGuard.UnsafeTargetException ex) {
			return Result.fail("refused target: " + ex.getMessage());
		}
		CircuitBreaker breaker = this.breakers.circuitBreaker(webhook.id().toString());
		if (!breaker.tryAcquirePermission()) {
			return Result.retry("circuit breaker open for this endpoint");
		}
		long start = System.nanoTime();
		Result result = post(webhook, delivery);
		long took = System.nanoTime() - start;
		if (result.sent()) {
			breaker.onSuccess(took, TimeUnit.NANOSECONDS);
			this.webhooks.markSucceeded(webhook.id());
		}
		else {
			breaker.onError(took, TimeUnit.NANOSECONDS, new IOException(result.detail()));
			failed(webhook, result.detail());
		}
		return result;
	}

	private Result post(Webhook webhook, Delivery delivery) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", delivery.idempotencyKey());
		ThrottleSummary summary = delivery.summary();
		payload.put("type", (summary != null) ? "alert.throttled"
				: "alert." + delivery.alertStatus().toLowerCase(java.util.Locale.ROOT));
		payload.put("webhookId", webhook.id().toString());
		if (summary != null) {
			payload.put("summary",
					Map.of("alertType", delivery.alertType(), "deviceId", delivery.deviceId(), "count", summary.count(),
							"from", summary.from().toString(), "to", summary.to().toString(), "text",
							summary.text(delivery.alertType(), delivery.deviceId())));
		}
		payload.put("alert", delivery.alert());
		byte[] body = JsonSerdes.mapper().writeValueAsBytes(payload);
		long now = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "FleetGrid-Webhooks/1")
			.header("X-FleetGrid-Delivery", delivery.idempotencyKey())
			.header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return Result.ok();
			}
			String snippet = new String(response.body(), 0, Math.min(200, response.body().length),
					StandardCharsets.UTF_8);
			return Result.retry("HTTP " + status + ((snippet.isBlank()) ? "" : ": " + snippet));
		}
		catch (IOException ex) {
			return Result.retry("I/O: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Result.retry("interrupted");
		}
	}

	private void failed(Webhook webhook, String error) {
		Instant now = this.clock.instant();
		String reason = "failing since at least " + this.settings.disableAfter() + ", last error: " + error;
		if (!this.webhooks.markFailed(webhook.id(), now, now.minus(this.settings.disableAfter()), reason)) {
			return;
		}
		LOGGER.warn("Webhook {} of tenant {} disabled: {}", webhook.id(), webhook.tenantId(), reason);
		try {
			for (TenantUser admin : this.users.users(webhook.tenantId())) {
				if (admin.isAdmin() && admin.enabled() && admin.email() != null) {
					this.email.sendNotice(admin.email(), "[FleetGrid] Webhook disabled: " + webhook.url(),
							"The webhook " + webhook.id() + " (" + webhook.url() + ") was disabled: " + reason
									+ "\nRe-enable it with POST /api/v1/webhooks/" + webhook.id()
									+ "/enable and redeliver failed notifications with "
									+ "POST /api/v1/notifications/{id}/redeliver.");
				}
			}
		}
		catch (UserLookupException ex) {
			LOGGER.warn("Admins of tenant {} not told about the disabled webhook: {}", webhook.tenantId(),
					ex.getMessage());
		}
	}

}
