package io.fleetgrid.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketRateLimiterTests {

	private static final RateLimitProperties.Limit TEN_PER_MINUTE = new RateLimitProperties.Limit(10,
			Duration.ofMinutes(1));

	private final AtomicLong now = new AtomicLong();

	private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(3, this.now::get);

	@Test
	void allowsABurstUpToTheCapacityThenAsksToWaitForOneToken() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.limiter.tryAcquire("k", TEN_PER_MINUTE)).isZero();
		}

		assertThat(this.limiter.tryAcquire("k", TEN_PER_MINUTE)).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void refillsEvenlyOverThePeriod() {
		for (int i = 0; i < 10; i++) {
			this.limiter.tryAcquire("k", TEN_PER_MINUTE);
		}
		this.now.addAndGet(Duration.ofSeconds(6).toNanos());

		assertThat(this.limiter.tryAcquire("k", TEN_PER_MINUTE)).isZero();
		assertThat(this.limiter.tryAcquire("k", TEN_PER_MINUTE)).isPositive();
	}

	@Test
	void keysHaveTheirOwnBuckets() {
		for (int i = 0; i < 10; i++) {
			this.limiter.tryAcquire("a", TEN_PER_MINUTE);
		}

		assertThat(this.limiter.tryAcquire("a", TEN_PER_MINUTE)).isPositive();
		assertThat(this.limiter.tryAcquire("b", TEN_PER_MINUTE)).isZero();
	}

	@Test
	void keepsAtMostMaxKeysBucketsDroppingTheLeastRecentlyUsed() {
		for (int i = 0; i < 100; i++) {
			this.limiter.tryAcquire("key-" + i, TEN_PER_MINUTE);
		}

		assertThat(this.limiter.size()).isEqualTo(3);
	}

	@Test
	void readsTheDeviceIdFromTheBasicCredentialsOfTelemetryOnly() {
		String basic = "Basic dHJ1Y2stMTpzZWNyZXQ=";

		assertThat(RateLimitWebFilters
			.deviceId(MockServerHttpRequest.post("/api/v1/telemetry").header(HttpHeaders.AUTHORIZATION, basic).build()))
			.isEqualTo("truck-1");
		assertThat(RateLimitWebFilters
			.deviceId(MockServerHttpRequest.post("/api/v1/devices").header(HttpHeaders.AUTHORIZATION, basic).build()))
			.isNull();
		assertThat(RateLimitWebFilters.deviceId(MockServerHttpRequest.post("/api/v1/telemetry")
			.header(HttpHeaders.AUTHORIZATION, "Basic !!not-base64")
			.build())).isNull();
	}

}
