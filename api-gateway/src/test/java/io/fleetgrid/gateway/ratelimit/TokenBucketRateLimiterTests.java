package io.fleetgrid.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
	void keysTelemetryByTheDeviceIdAndItsWholeCredentialSoWrongTokensDoNotDrainTheDevicesBucket() {
		String right = deviceKey("/api/v1/telemetry", basic("truck-1:secret"));
		String wrong = deviceKey("/api/v1/telemetry", basic("truck-1:guess"));

		assertThat(right).startsWith("truck-1#").isEqualTo(deviceKey("/api/v1/telemetry", basic("truck-1:secret")));
		assertThat(wrong).startsWith("truck-1#").isNotEqualTo(right);
		assertThat(deviceKey("/api/v1/devices", basic("truck-1:secret"))).isNull();
		assertThat(deviceKey("/api/v1/telemetry", "Basic !!not-base64")).isNull();
	}

	private static String basic(String credential) {
		return "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
	}

	private static String deviceKey(String path, String authorization) {
		return RateLimitWebFilters
			.deviceKey(MockServerHttpRequest.post(path).header(HttpHeaders.AUTHORIZATION, authorization).build());
	}

}
