package io.fleetgrid.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of the gateway ({@code fleetgrid.gateway.rate-limit.*}). Each limit is a
 * token bucket: {@code capacity} requests at once, refilled evenly over {@code period}.
 *
 * @param enabled whether requests are limited at all
 * @param maxKeys most buckets kept in memory; the least recently used are dropped first
 * @param trustedProxyHops how many proxies in front of the gateway append to
 * {@code X-Forwarded-For}; 0 uses the connection's address as the client IP
 * @param perIp limit per client IP address, for every request
 * @param perDevice limit per device id (the Basic user name of
 * {@code POST /api/v1/telemetry})
 * @param perClient limit per API client ({@code client_id} claim) or user ({@code sub})
 */
@ConfigurationProperties("fleetgrid.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") int maxKeys,
		@DefaultValue("0") int trustedProxyHops, @DefaultValue( {
				"600", "1m" }) Limit perIp,
		@DefaultValue({ "120", "1m" }) Limit perDevice, @DefaultValue({ "300", "1m" }) Limit perClient){

	/**
	 * One token bucket's size and refill.
	 *
	 * @param capacity requests allowed in a burst (and per period)
	 * @param period time in which an empty bucket refills completely
	 */
	public record Limit(int capacity, Duration period) {

		/**
		 * Validates the limit.
		 */
		public Limit {
			if (capacity < 1 || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("A rate limit needs capacity >= 1 and a positive period");
			}
		}

	}

}
