package io.fleetgrid.notification.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs with real time plus an offset the test moves forward, so retry
 * schedules keep working while quiet hours, throttling windows and escalations can be
 * skipped over.
 */
public final class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

}
