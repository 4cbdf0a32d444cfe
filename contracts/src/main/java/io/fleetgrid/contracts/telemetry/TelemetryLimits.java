package io.fleetgrid.contracts.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the {@link TelemetryValidator} enforces. {@link #DEFAULTS} are the public
 * contract's values ({@code shared/API.md}); services may tighten them by configuration.
 *
 * @param maxBodyBytes largest body (HTTP body or MQTT payload) in bytes
 * @param maxEvents most events in one batch
 * @param maxMetrics most metrics in one event
 * @param maxMetricNameLength longest metric name
 * @param maxTextLength longest text value, in Unicode characters (code points)
 * @param maxListItems most items in an array-of-text metric value
 * @param maxFutureSkew how far an event's {@code ts} may lie ahead of the server clock
 * @param maxAge how far an event's {@code ts} may lie behind the server clock
 * @param maxErrors most errors reported for one body (the rest are counted as truncated)
 */
public record TelemetryLimits(int maxBodyBytes, int maxEvents, int maxMetrics, int maxMetricNameLength,
		int maxTextLength, int maxListItems, Duration maxFutureSkew, Duration maxAge, int maxErrors) {

	/**
	 * The contract's limits: 256 KiB, 500 events, 64 metrics with names of at most 64
	 * characters, text of at most 256 characters, arrays of at most 64 items, {@code ts}
	 * at most 5 minutes in the future and at most 30 days in the past (older data is past
	 * the telemetry topic's retention and the stream processor's windows; a device with
	 * an unset clock reports 1970 or 2000), 100 errors per response.
	 */
	public static final TelemetryLimits DEFAULTS = new TelemetryLimits(256 * 1024, 500, 64, 64, 256, 64,
			Duration.ofMinutes(5), Duration.ofDays(30), 100);

	public TelemetryLimits {
		positive(maxBodyBytes, "maxBodyBytes");
		positive(maxEvents, "maxEvents");
		positive(maxMetrics, "maxMetrics");
		positive(maxMetricNameLength, "maxMetricNameLength");
		positive(maxTextLength, "maxTextLength");
		positive(maxListItems, "maxListItems");
		positive(maxErrors, "maxErrors");
		Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
		Objects.requireNonNull(maxAge, "maxAge");
		if (maxFutureSkew.isNegative() || !maxAge.isPositive()) {
			throw new IllegalArgumentException("maxFutureSkew must be >= 0 and maxAge > 0");
		}
	}

	private static void positive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be >= 1: " + value);
		}
	}

}
