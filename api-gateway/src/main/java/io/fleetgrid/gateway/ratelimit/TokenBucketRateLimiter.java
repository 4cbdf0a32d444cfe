package io.fleetgrid.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets keyed by a string ({@code ip:...}, {@code device:...},
 * {@code client:...}). Memory is bounded: at most {@code maxKeys} buckets are kept, the
 * least recently used one is dropped first (a dropped bucket comes back full, which only
 * ever errs on the side of letting a request through). Each gateway instance counts on
 * its own; see the README for the distributed option.
 */
public class TokenBucketRateLimiter {

	private final Map<String, Bucket> buckets;

	private final LongSupplier nanoClock;

	/**
	 * Creates the limiter.
	 * @param maxKeys most buckets kept
	 * @param nanoClock monotonic clock in nanoseconds (tests pass a fake one)
	 */
	public TokenBucketRateLimiter(int maxKeys, LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}

		};
	}

	/**
	 * Takes one token from the key's bucket.
	 * @param key the bucket's key
	 * @param limit the bucket's size and refill (used when the bucket is created)
	 * @return how long to wait before retrying, or {@link Duration#ZERO} when allowed
	 */
	public Duration tryAcquire(String key, RateLimitProperties.Limit limit) {
		long now = this.nanoClock.getAsLong();
		Bucket bucket;
		synchronized (this.buckets) {
			bucket = this.buckets.computeIfAbsent(key, (k) -> new Bucket(limit, now));
		}
		return bucket.tryConsume(now);
	}

	/**
	 * Number of buckets held.
	 * @return the count
	 */
	public int size() {
		synchronized (this.buckets) {
			return this.buckets.size();
		}
	}

	private static final class Bucket {

		private final double capacity;

		private final double tokensPerNano;

		private double tokens;

		private long refilledAt;

		Bucket(RateLimitProperties.Limit limit, long now) {
			this.capacity = limit.capacity();
			this.tokensPerNano = limit.capacity() / (double) limit.period().toNanos();
			this.tokens = this.capacity;
			this.refilledAt = now;
		}

		synchronized Duration tryConsume(long now) {
			long elapsed = Math.max(0, now - this.refilledAt);
			this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.tokensPerNano);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			long waitNanos = (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
			return Duration.ofNanos(Math.max(1, waitNanos));
		}

	}

}
