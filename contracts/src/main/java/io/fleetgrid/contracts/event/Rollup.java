package io.fleetgrid.contracts.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-minute or per-hour aggregate of one device's telemetry on
 * {@code fleetgrid.rollups.v1} (key deviceId). Windows are aligned to the epoch (like
 * Kafka Streams' tumbling windows); {@code (deviceId, resolution, windowStart)}
 * identifies a rollup, so consumers upsert by it and a late update replaces the earlier
 * one.
 *
 * @param deviceId device
 * @param tenantId tenant
 * @param resolution window size
 * @param windowStart window start (inclusive)
 * @param windowEnd window end (exclusive), {@code windowStart + resolution}
 * @param count number of events in the window
 * @param distanceKm distance driven (haversine between consecutive positions), or null
 * @param avgSpeedKph average speed, or null
 * @param maxSpeedKph top speed, or null
 * @param pvEnergyKwh PV energy produced, integrated from {@code pvPowerW}, or null
 * @param minBatterySocPct lowest battery state of charge, or null
 * @param maxCoolantTempC highest coolant temperature, or null
 * @param maxInverterTempC highest inverter temperature, or null
 * @param metrics statistics of every numeric metric in the window
 */
public record Rollup(String deviceId, String tenantId, Resolution resolution, Instant windowStart, Instant windowEnd,
		long count, Double distanceKm, Double avgSpeedKph, Double maxSpeedKph, Double pvEnergyKwh,
		Double minBatterySocPct, Double maxCoolantTempC, Double maxInverterTempC, Map<String, MetricStats> metrics) {

	public Rollup {
		Fields.requiredText(deviceId, "deviceId");
		Fields.requiredText(tenantId, "tenantId");
		Fields.required(resolution, "resolution");
		Fields.required(windowStart, "windowStart");
		Fields.required(windowEnd, "windowEnd");
		if (windowStart.toEpochMilli() % resolution.duration().toMillis() != 0
				|| windowStart.getNano() % 1_000_000 != 0) {
			throw new IllegalArgumentException(
					"windowStart " + windowStart + " is not aligned to a " + resolution.duration() + " window");
		}
		if (!windowEnd.equals(windowStart.plus(resolution.duration()))) {
			throw new IllegalArgumentException(
					"windowEnd " + windowEnd + " must be windowStart + " + resolution.duration());
		}
		Fields.nonNegative(count, "count");
		Fields.nonNegative(distanceKm, "distanceKm");
		Fields.nonNegative(avgSpeedKph, "avgSpeedKph");
		Fields.nonNegative(maxSpeedKph, "maxSpeedKph");
		Fields.finite(pvEnergyKwh, "pvEnergyKwh");
		Fields.finite(minBatterySocPct, "minBatterySocPct");
		Fields.finite(maxCoolantTempC, "maxCoolantTempC");
		Fields.finite(maxInverterTempC, "maxInverterTempC");
		if (metrics == null || metrics.isEmpty()) {
			metrics = Map.of();
		}
		else {
			Map<String, MetricStats> copy = new LinkedHashMap<>(metrics);
			copy.forEach((name, stats) -> Fields.required(stats, "metrics." + name));
			metrics = Collections.unmodifiableMap(copy);
		}
	}

	/** Window size of a rollup. */
	public enum Resolution {

		/** One minute. */
		MINUTE(Duration.ofMinutes(1)),
		/** One hour. */
		HOUR(Duration.ofHours(1));

		private final Duration duration;

		Resolution(Duration duration) {
			this.duration = duration;
		}

		/**
		 * The window size.
		 * @return the duration of one window
		 */
		public Duration duration() {
			return this.duration;
		}

		/**
		 * The start of the window that contains an instant.
		 * @param instant any instant
		 * @return the aligned window start
		 */
		public Instant windowStart(Instant instant) {
			long size = this.duration.toMillis();
			return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), size) * size);
		}

	}

	/**
	 * Statistics of one numeric metric within a window. Two windows' statistics
	 * {@link #merge(MetricStats) merge} exactly (hourly from minute rollups).
	 *
	 * @param count number of values
	 * @param min smallest value
	 * @param max largest value
	 * @param sum sum of the values
	 * @param last the value with the newest event time
	 */
	public record MetricStats(long count, double min, double max, double sum, double last) {

		public MetricStats {
			if (count < 1) {
				throw new IllegalArgumentException("count must be >= 1: " + count);
			}
			Fields.finite(min, "min");
			Fields.finite(max, "max");
			Fields.finite(sum, "sum");
			Fields.finite(last, "last");
			if (min > max) {
				throw new IllegalArgumentException("min " + min + " > max " + max);
			}
		}

		/**
		 * Statistics of a single value.
		 * @param value the value
		 * @return the statistics
		 */
		public static MetricStats of(double value) {
			return new MetricStats(1, value, value, value, value);
		}

		/**
		 * The mean.
		 * @return sum / count
		 */
		public double mean() {
			return this.sum / this.count;
		}

		/**
		 * These statistics combined with those of a later window (or later value).
		 * @param later statistics of newer values; its {@code last} wins
		 * @return the combined statistics
		 */
		public MetricStats merge(MetricStats later) {
			return new MetricStats(this.count + later.count, Math.min(this.min, later.min),
					Math.max(this.max, later.max), this.sum + later.sum, later.last);
		}

	}

}
