package io.fleetgrid.notification;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification service ({@code fleetgrid.notification.*}).
 *
 * @param portalUrl base URL of the portal; alert links are
 * {@code <portalUrl>/alerts/{id}}
 * @param publicUrl base URL under which this service's API is reachable for acknowledge
 * links (the gateway)
 * @param mailFrom sender address of e-mails
 * @param dispatch the dispatcher's polling and retry settings
 * @param throttle throttling per device and alert type
 * @param escalation escalation of unacknowledged CRITICAL alerts
 * @param webhooks webhook delivery settings
 * @param ack acknowledge links
 * @param directory recipient lookups
 * @param stream live stream (SSE) settings
 */
@ConfigurationProperties("fleetgrid.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI portalUrl,
		@DefaultValue("http://localhost:8080") URI publicUrl, @DefaultValue("alerts@fleetgrid.local") String mailFrom,
		@DefaultValue Dispatch dispatch, @DefaultValue Throttle throttle, @DefaultValue Escalation escalation,
		@DefaultValue Webhooks webhooks, @DefaultValue Ack ack, @DefaultValue Directory directory,
		@DefaultValue Stream stream) {

	/**
	 * Dispatcher settings.
	 *
	 * @param pollInterval pause between polls for due deliveries when idle
	 * @param maxEmailAttempts attempts of an e-mail before it is FAILED
	 * @param retryBase first retry delay (doubled per attempt, with jitter)
	 * @param retryMax longest retry delay
	 */
	public record Dispatch(@DefaultValue("1s") Duration pollInterval, @DefaultValue("6") int maxEmailAttempts,
			@DefaultValue("30s") Duration retryBase, @DefaultValue("1h") Duration retryMax) {
	}

	/**
	 * Throttling: at most {@code maxPerWindow} notifications per device, alert type,
	 * subscription and channel within {@code window}; the rest are SUPPRESSED.
	 *
	 * @param maxPerWindow notifications allowed per window
	 * @param window the sliding window
	 */
	public record Throttle(@DefaultValue("3") int maxPerWindow, @DefaultValue("15m") Duration window) {
	}

	/**
	 * Escalation of CRITICAL alerts nobody acknowledged.
	 *
	 * @param enabled whether to escalate
	 * @param after time without acknowledgement or clearing before the admins are told
	 */
	public record Escalation(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration after) {
	}

	/**
	 * Webhook delivery.
	 *
	 * @param allowPrivateTargets whether loopback, private and link-local targets are
	 * allowed (only in {@code local} and {@code test})
	 * @param retryFor how long a failing delivery is retried before it is FAILED
	 * @param retryBase first retry delay (doubled per attempt, with jitter)
	 * @param retryMax longest retry delay
	 * @param disableAfter an endpoint failing continuously this long is disabled
	 * @param timeout connect and read timeout of one POST
	 * @param breakerFailures consecutive failures that open an endpoint's circuit breaker
	 * @param breakerOpenFor how long an open circuit breaker rejects attempts
	 */
	public record Webhooks(@DefaultValue("false") boolean allowPrivateTargets, @DefaultValue("24h") Duration retryFor,
			@DefaultValue("10s") Duration retryBase, @DefaultValue("1h") Duration retryMax,
			@DefaultValue("24h") Duration disableAfter, @DefaultValue("5s") Duration timeout,
			@DefaultValue("5") int breakerFailures, @DefaultValue("60s") Duration breakerOpenFor) {
	}

	/**
	 * Acknowledge links.
	 *
	 * @param secret HMAC key of the signed tokens (required in {@code prod})
	 * @param validity how long a link works
	 * @param deviceServiceUrl device-service base URL, or empty to use discovery
	 */
	public record Ack(@Nullable String secret, @DefaultValue("72h") Duration validity,
			@DefaultValue("") String deviceServiceUrl) {
	}

	/**
	 * Recipient lookups.
	 *
	 * @param authServiceUrl auth-service base URL, or empty to use discovery
	 * @param userCacheTtl how long a tenant's user list is cached
	 * @param retryPendingAfter delay before an alert whose lookup failed is retried
	 */
	public record Directory(@DefaultValue("") String authServiceUrl, @DefaultValue("60s") Duration userCacheTtl,
			@DefaultValue("30s") Duration retryPendingAfter) {
	}

	/**
	 * Live stream.
	 *
	 * @param heartbeat interval of heartbeat comments
	 * @param replay how many missed events a reconnecting stream gets at most
	 */
	public record Stream(@DefaultValue("15s") Duration heartbeat, @DefaultValue("100") int replay) {
	}

}
