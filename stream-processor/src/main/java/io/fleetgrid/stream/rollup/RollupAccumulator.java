package io.fleetgrid.stream.rollup;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.MetricStats;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.TelemetryEvent;

/**
 * The running aggregate of one device's window. Distance (haversine) and PV energy
 * (trapezoidal integration of {@code pvPowerW}) are those of the segments from the
 * device's previous point that end in the window ({@link RollupBuckets} finds them, see
 * {@link Sample}); a late point still counts in the count, speeds, minima and maxima. An
 * hour window is the sum of its minute windows ({@link #merge}).
 */
public final class RollupAccumulator {

	/** Tenant. */
	public String tenantId;

	/** Events. */
	public long count;

	/** Sum of speeds. */
	public double speedSum;

	/** Number of speeds. */
	public long speedCount;

	/** Top speed, or null. */
	public Double maxSpeedKph;

	/** Distance in metres. */
	public double distanceM;

	/** Whether any position was seen. */
	public boolean positioned;

	/** Integrated PV energy in Wh, or null without PV data. */
	public Double pvEnergyWh;

	/** Lowest state of charge, or null. */
	public Double minSocPct;

	/** Highest coolant temperature, or null. */
	public Double maxCoolantC;

	/** Highest inverter temperature, or null. */
	public Double maxInverterC;

	/** Newest event time. */
	public Instant lastTs;

	/**
	 * Statistics of every numeric metric, in the order first seen (the rollup lists them
	 * by name).
	 */
	public Map<String, Stats> metrics = new LinkedHashMap<>();

	/**
	 * Adds an event on its own (no segment from a previous point).
	 * @param event the event
	 * @return this accumulator
	 */
	public RollupAccumulator add(TelemetryEvent event) {
		return add(new Sample(event));
	}

	/**
	 * Adds an event whose numbers were read once for all of its windows.
	 * @param sample the event's numbers, with the segment that ends at it
	 * @return this accumulator
	 */
	RollupAccumulator add(Sample sample) {
		TelemetryEvent event = sample.event;
		this.tenantId = event.tenantId();
		this.count++;
		boolean newest = this.lastTs == null || !event.ts().isBefore(this.lastTs);
		if (newest) {
			this.lastTs = event.ts();
		}
		double speed = sample.speedKph;
		if (!Double.isNaN(speed)) {
			this.speedSum += speed;
			this.speedCount++;
			this.maxSpeedKph = (this.maxSpeedKph != null) ? Math.max(this.maxSpeedKph, speed) : speed;
		}
		if (sample.position != null) {
			this.positioned = true;
			this.distanceM += sample.segmentM;
		}
		if (!Double.isNaN(sample.pvPowerW)) {
			this.pvEnergyWh = ((this.pvEnergyWh != null) ? this.pvEnergyWh : 0.0) + sample.energyWh;
		}
		this.minSocPct = min(this.minSocPct, sample.socPct);
		this.maxCoolantC = max(this.maxCoolantC, sample.coolantC);
		this.maxInverterC = max(this.maxInverterC, sample.inverterC);
		event.metrics().forEach((name, value) -> {
			if (value instanceof Number number) {
				double v = number.doubleValue();
				Stats stats = this.metrics.get(name);
				if (stats == null) {
					this.metrics.put(name, new Stats(1, v, v, v, v));
				}
				else {
					stats.add(v, newest);
				}
			}
		});
		return this;
	}

	/**
	 * Adds a window that closed (a minute to its hour): counts, sums, distance and energy
	 * add up, minima and maxima combine, and the newest values are the window's if its
	 * newest event is not older than this one's.
	 * @param window the closed window
	 * @return this accumulator
	 */
	RollupAccumulator merge(RollupAccumulator window) {
		if (window.tenantId != null) {
			this.tenantId = window.tenantId;
		}
		boolean newer = window.lastTs != null && (this.lastTs == null || !window.lastTs.isBefore(this.lastTs));
		if (newer) {
			this.lastTs = window.lastTs;
		}
		this.count += window.count;
		this.speedSum += window.speedSum;
		this.speedCount += window.speedCount;
		this.maxSpeedKph = max(this.maxSpeedKph, window.maxSpeedKph);
		this.distanceM += window.distanceM;
		this.positioned |= window.positioned;
		if (window.pvEnergyWh != null) {
			this.pvEnergyWh = ((this.pvEnergyWh != null) ? this.pvEnergyWh : 0.0) + window.pvEnergyWh;
		}
		this.minSocPct = min(this.minSocPct, window.minSocPct);
		this.maxCoolantC = max(this.maxCoolantC, window.maxCoolantC);
		this.maxInverterC = max(this.maxInverterC, window.maxInverterC);
		window.metrics.forEach((name, stats) -> {
			Stats mine = this.metrics.get(name);
			if (mine == null) {
				this.metrics.put(name, new Stats(stats.count, stats.min, stats.max, stats.sum, stats.last));
			}
			else {
				mine.merge(stats, newer);
			}
		});
		return this;
	}

	private static Double min(Double current, Double value) {
		return (value != null) ? min(current, value.doubleValue()) : current;
	}

	private static Double max(Double current, Double value) {
		return (value != null) ? max(current, value.doubleValue()) : current;
	}

	private static Double min(Double current, double value) {
		if (Double.isNaN(value)) {
			return current;
		}
		return (current != null) ? Math.min(current, value) : value;
	}

	private static Double max(Double current, double value) {
		if (Double.isNaN(value)) {
			return current;
		}
		return (current != null) ? Math.max(current, value) : value;
	}

	/**
	 * The rollup of a window.
	 * @param deviceId device
	 * @param resolution window size
	 * @param windowStart window start
	 * @return the rollup
	 */
	public Rollup toRollup(String deviceId, Resolution resolution, Instant windowStart) {
		return new Rollup(deviceId, this.tenantId, resolution, windowStart, windowStart.plus(resolution.duration()),
				this.count, this.positioned ? round(this.distanceM / 1000, 1000) : null,
				(this.speedCount > 0) ? round(this.speedSum / this.speedCount, 100) : null, this.maxSpeedKph,
				(this.pvEnergyWh != null) ? round(this.pvEnergyWh / 1000, 1_000_000) : null, this.minSocPct,
				this.maxCoolantC, this.maxInverterC, metricStats());
	}

	private Map<String, MetricStats> metricStats() {
		Map<String, MetricStats> stats = new TreeMap<>();
		this.metrics.forEach((name, value) -> stats.put(name, value.toMetricStats()));
		return stats;
	}

	private static double round(double value, double scale) {
		return Math.round(value * scale) / scale;
	}

	/**
	 * The running statistics of one metric in a window (mutable: one object per metric
	 * and window instead of a new {@link MetricStats} with every value).
	 */
	public static final class Stats {

		/** Number of values. */
		public long count;

		/** Smallest value. */
		public double min;

		/** Largest value. */
		public double max;

		/** Sum of the values. */
		public double sum;

		/** The value with the newest event time. */
		public double last;

		/**
		 * Statistics as read back or of a first value.
		 * @param count number of values
		 * @param min smallest value
		 * @param max largest value
		 * @param sum sum of the values
		 * @param last the value with the newest event time
		 */
		public Stats(long count, double min, double max, double sum, double last) {
			this.count = count;
			this.min = min;
			this.max = max;
			this.sum = sum;
			this.last = last;
		}

		void add(double value, boolean newest) {
			this.count++;
			this.min = Math.min(this.min, value);
			this.max = Math.max(this.max, value);
			this.sum += value;
			if (newest) {
				this.last = value;
			}
		}

		void merge(Stats other, boolean newer) {
			this.count += other.count;
			this.min = Math.min(this.min, other.min);
			this.max = Math.max(this.max, other.max);
			this.sum += other.sum;
			if (newer) {
				this.last = other.last;
			}
		}

		/**
		 * The statistics as the rollup carries them.
		 * @return the immutable statistics
		 */
		public MetricStats toMetricStats() {
			return new MetricStats(this.count, this.min, this.max, this.sum, this.last);
		}

	}

	/**
	 * The numbers of one event that every window uses, read once per event (NaN where
	 * absent) instead of once per window, and the segment from the device's previous
	 * point that ends at this event (zero unless it is the device's newest position or PV
	 * sample).
	 */
	static final class Sample {

		final TelemetryEvent event;

		final double speedKph;

		final GeoPoint position;

		final double pvPowerW;

		final double socPct;

		final double coolantC;

		final double inverterC;

		/** Metres from the device's previous position. */
		double segmentM;

		/** Wh produced since the device's previous PV sample. */
		double energyWh;

		Sample(TelemetryEvent event) {
			this.event = event;
			this.speedKph = number(event, "speedKph");
			double lat = number(event, "lat");
			double lon = number(event, "lon");
			this.position = (Double.isNaN(lat) || Double.isNaN(lon)) ? null : new GeoPoint(lat, lon);
			this.pvPowerW = number(event, "pvPowerW");
			this.socPct = number(event, "batterySocPct");
			this.coolantC = number(event, "coolantTempC");
			this.inverterC = number(event, "inverterTempC");
		}

		private static double number(TelemetryEvent event, String metric) {
			return (event.metrics().get(metric) instanceof Number value) ? value.doubleValue() : Double.NaN;
		}

	}

}
