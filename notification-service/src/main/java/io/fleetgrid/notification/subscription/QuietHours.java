package io.fleetgrid.notification.subscription;

import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Quiet hours arithmetic: a daily local-time range {@code [start, end)}, which may wrap
 * midnight (22:00–07:00).
 */
final class QuietHours {

	private QuietHours() {
	}

	static boolean contains(@Nullable LocalTime start, @Nullable LocalTime end, ZonedDateTime local) {
		if (start == null || end == null || start.equals(end)) {
			return false;
		}
		LocalTime time = local.toLocalTime();
		if (start.isBefore(end)) {
			return !time.isBefore(start) && time.isBefore(end);
		}
		return !time.isBefore(start) || time.isBefore(end);
	}

	static ZonedDateTime endAfter(@Nullable LocalTime start, @Nullable LocalTime end, ZonedDateTime local) {
		if (start == null || end == null) {
			return local;
		}
		ZonedDateTime candidate = local.with(end);
		if (!candidate.isAfter(local)) {
			candidate = local.plusDays(1).with(end);
		}
		return candidate;
	}

}
