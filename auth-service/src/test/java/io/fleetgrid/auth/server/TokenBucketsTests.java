package io.fleetgrid.auth.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private Instant now = Instant.parse("2026-11-23T10:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return TokenBucketsTests.this.now;
		}

	};

	@Test
	void allowsTheBudgetThenAnswersSecondsUntilTheNextRequest() {
		TokenBuckets buckets = new TokenBuckets(6, this.clock);

		for (int i = 0; i < 6; i++) {
			assertThat(buckets.tryTake("client")).isZero();
		}

		assertThat(buckets.tryTake("client")).isEqualTo(10);
		assertThat(buckets.tryTake("other")).as("keys have their own buckets").isZero();
	}

	@Test
	void refillsContinuously() {
		TokenBuckets buckets = new TokenBuckets(60, this.clock);
		for (int i = 0; i < 60; i++) {
			buckets.tryTake("ip");
		}
		assertThat(buckets.tryTake("ip")).isEqualTo(1);

		this.now = this.now.plus(Duration.ofSeconds(2));

		assertThat(buckets.tryTake("ip")).isZero();
		assertThat(buckets.tryTake("ip")).isZero();
		assertThat(buckets.tryTake("ip")).isPositive();
	}

}
