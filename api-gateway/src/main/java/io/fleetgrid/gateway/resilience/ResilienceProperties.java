package io.fleetgrid.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker and timeouts of the routes ({@code fleetgrid.gateway.resilience.*}).
 *
 * @param timeout how long a route waits for the service's response headers
 * @param routeTimeouts timeouts of particular routes, by route id
 * @param retryAfter the {@code Retry-After} of a 503 while the circuit is closed
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState how long an open circuit refuses calls before probing again
 */
@ConfigurationProperties("fleetgrid.gateway.resilience")
public record ResilienceProperties(@DefaultValue("5s") Duration timeout,
		@DefaultValue Map<String, Duration> routeTimeouts, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
		@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("10s") Duration waitInOpenState) {

	/**
	 * The timeout of a route.
	 * @param routeId the route id
	 * @return its own timeout, else the default
	 */
	public Duration timeoutOf(String routeId) {
		return this.routeTimeouts.getOrDefault(routeId, this.timeout);
	}

}
