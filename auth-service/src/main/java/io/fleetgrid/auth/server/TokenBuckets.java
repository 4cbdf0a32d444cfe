package io.fleetgrid.auth.server;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets per key (client id, remote address): each holds up to
 * {@code perMinute} requests and refills continuously. One instance's buckets are its
 * own; behind several instances each enforces its share (a shared store such as Redis
 * would be the distributed option).
 */
final class TokenBuckets {

	private static final int MAX_KEYS = 100_000;

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/**
	 * Takes one request from the key's bucket.
	 * @param key the key
	 * @return 0 if allowed, else the seconds until the next request is allowed
	 */
	long tryTake(String key) {
		long now = this.clock.millis();
		if (this.buckets.size() > MAX_KEYS) {
			this.buckets.entrySet().removeIf((entry) -> entry.getValue().fullAt(now));
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.perMinute, now)).take(now);
	}

	private final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long updatedAt) {
			this.tokens = tokens;
			this.updatedAt = updatedAt;
		}

		synchronized long take(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			double millisPerToken = 60_000.0 / TokenBuckets.this.perMinute;
			return Math.max(1, (long) Math.ceil((1 - this.tokens) * millisPerToken / 1000));
		}

		synchronized boolean fullAt(long now) {
			refill(now);
			return this.tokens >= TokenBuckets.this.perMinute;
		}

		private void refill(long now) {
			double refill = (now - this.updatedAt) * TokenBuckets.this.perMinute / 60_000.0;
			this.tokens = Math.min(TokenBuckets.this.perMinute, this.tokens + refill);
			this.updatedAt = now;
		}

	}

}
