package io.fleetgrid.ingest.telemetry;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fleetgrid.ingest.problem.IngestException;

/**
 * Token buckets per device and per tenant, counted in events. Buckets of idle devices and
 * tenants are forgotten (bounded memory); a forgotten bucket starts full.
 */
public class RateLimiter {

	private final Cache<String, Bucket> devices;

	private final Cache<String, Bucket> tenants;

	private final TelemetryProperties properties;

	private final LongSupplier nanoClock;

	/**
	 * Creates a limiter.
	 * @param properties rates and bursts
	 * @param nanoClock monotonic nanoseconds ({@code System::nanoTime})
	 */
	public RateLimiter(TelemetryProperties properties, LongSupplier nanoClock) {
		this.properties = properties;
		this.nanoClock = nanoClock;
		this.devices = Caffeine.newBuilder()
			.maximumSize(properties.limiterMaxEntries())
			.expireAfterAccess(Duration.ofMinutes(10))
			.build();
		this.tenants = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();
	}

	/**
	 * Takes capacity for events, or refuses them all.
	 * @param deviceId the device
	 * @param tenantId its tenant
	 * @param events how many events
	 * @throws IngestException 429 with the wait until enough capacity is back
	 */
	public void acquire(String deviceId, String tenantId, int events) {
		long now = this.nanoClock.getAsLong();
		Bucket device = this.devices.get(deviceId,
				(key) -> new Bucket(this.properties.deviceRate(), this.properties.deviceBurst(), now));
		long deviceWait = device.take(events, now);
		if (deviceWait > 0) {
			throw IngestException.tooManyRequests("device '" + deviceId + "' exceeds " + this.properties.deviceRate()
					+ " events/s (burst " + this.properties.deviceBurst() + ")", seconds(deviceWait));
		}
		Bucket tenant = this.tenants.get(tenantId,
				(key) -> new Bucket(this.properties.tenantRate(), this.properties.tenantBurst(), now));
		long tenantWait = tenant.take(events, now);
		if (tenantWait > 0) {
			device.refund(events);
			throw IngestException.tooManyRequests("the tenant exceeds " + this.properties.tenantRate() + " events/s",
					seconds(tenantWait));
		}
	}

	private static Duration seconds(long nanos) {
		return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
	}

	/** A token bucket. */
	static final class Bucket {

		private final double ratePerNano;

		private final double burst;

		private double tokens;

		private long updated;

		Bucket(double ratePerSecond, double burst, long now) {
			this.ratePerNano = ratePerSecond / 1e9;
			this.burst = burst;
			this.tokens = burst;
			this.updated = now;
		}

		/**
		 * Takes tokens if there are enough.
		 * @return 0 if taken, else nanoseconds until there would be enough
		 */
		synchronized long take(int count, long now) {
			this.tokens = Math.min(this.burst, this.tokens + (now - this.updated) * this.ratePerNano);
			this.updated = now;
			if (this.tokens >= count) {
				this.tokens -= count;
				return 0;
			}
			if (count > this.burst) {
				return Long.MAX_VALUE / 2;
			}
			return (long) Math.ceil((count - this.tokens) / this.ratePerNano);
		}

		synchronized void refund(int count) {
			this.tokens = Math.min(this.burst, this.tokens + count);
		}

	}

}
