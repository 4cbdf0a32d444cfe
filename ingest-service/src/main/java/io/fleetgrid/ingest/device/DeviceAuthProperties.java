package io.fleetgrid.ingest.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Device authentication settings.
 *
 * @param url device-service base URL; empty to find it through discovery
 * @param cacheMaxEntries most verified credentials kept
 * @param cacheTtl how long a verified credential is trusted without asking again (changes
 * arrive faster through {@code fleetgrid.devices.v1})
 * @param retryAttempts attempts per verification (1 = no retry)
 * @param retryWait wait between attempts
 * @param failureRateThreshold failure rate in percent that opens the circuit breaker
 * @param slidingWindowSize calls the failure rate is computed over
 * @param openStateWait how long the open circuit breaker refuses calls
 * @param retryAfter the {@code Retry-After} sent when device-service is unavailable
 */
@ConfigurationProperties("fleetgrid.ingest.device-auth")
public record DeviceAuthProperties(@DefaultValue("") String url, @DefaultValue("100000") int cacheMaxEntries,
		@DefaultValue("15m") Duration cacheTtl, @DefaultValue("2") int retryAttempts,
		@DefaultValue("100ms") Duration retryWait, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10s") Duration openStateWait,
		@DefaultValue("5s") Duration retryAfter) {
}
