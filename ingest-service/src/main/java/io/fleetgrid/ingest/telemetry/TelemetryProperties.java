package io.fleetgrid.ingest.telemetry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest limits.
 *
 * @param dedupMaxEntries most {@code (deviceId, seq)} pairs remembered for duplicate
 * suppression (about 150 bytes each)
 * @param dedupWindow how long a pair is remembered
 * @param deviceRate sustained events per second per device
 * @param deviceBurst events a device may send at once (at least one full batch, 500)
 * @param tenantRate sustained events per second per tenant
 * @param tenantBurst events a tenant may send at once
 * @param limiterMaxEntries most devices and tenants tracked by the rate limiter
 * @param publishTimeout longest wait for Kafka's acknowledgement before answering 503
 * (above the producer's {@code delivery.timeout.ms})
 * @param retryAfter the {@code Retry-After} sent when Kafka is unavailable
 */
@ConfigurationProperties("fleetgrid.ingest.telemetry")
public record TelemetryProperties(@DefaultValue("250000") int dedupMaxEntries,
		@DefaultValue("10m") Duration dedupWindow, @DefaultValue("200") double deviceRate,
		@DefaultValue("1000") double deviceBurst, @DefaultValue("20000") double tenantRate,
		@DefaultValue("100000") double tenantBurst, @DefaultValue("200000") int limiterMaxEntries,
		@DefaultValue("10s") Duration publishTimeout, @DefaultValue("5s") Duration retryAfter) {
}
