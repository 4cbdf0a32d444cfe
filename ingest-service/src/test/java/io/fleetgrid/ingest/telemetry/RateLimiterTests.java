package io.fleetgrid.ingest.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.fleetgrid.ingest.problem.IngestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RateLimiter limiter = new RateLimiter(new TelemetryProperties(10, Duration.ofMinutes(1), 100, 500,
			1000, 1200, 1000, Duration.ofSeconds(10), Duration.ofSeconds(5)), this.now::get);

	@Test
	void refusesADeviceAboveItsBurstWithRetryAfterUntilTheBucketRefills() {
		this.limiter.acquire("d1", "t1", 500);
		assertThatExceptionOfType(IngestException.class).isThrownBy(() -> this.limiter.acquire("d1", "t1", 300))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(429);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3));
			});
		this.now.addAndGet(3_000_000_000L);
		assertThatNoException().isThrownBy(() -> this.limiter.acquire("d1", "t1", 300));
	}

	@Test
	void limitsTheTenantAcrossDevicesWithoutChargingTheRefusedDevice() {
		this.limiter.acquire("d1", "t1", 500);
		this.limiter.acquire("d2", "t1", 500);
		assertThatExceptionOfType(IngestException.class).isThrownBy(() -> this.limiter.acquire("d3", "t1", 500))
			.withMessageContaining("tenant");
		// d3 was refunded: another tenant's capacity is unaffected and d3 still has its
		// burst.
		assertThatNoException().isThrownBy(() -> this.limiter.acquire("d3", "t2", 500));
	}

}
