package io.fleetgrid.stream.rollup;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.MetricStats;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.geo.Geo;

/**
 * The running aggregate of one device's window (window store value, JSON). Distance
 * (haversine) and PV energy (trapezoidal integration of {@code pvPowerW}) need
 * consecutive points, so they use only points newer than the newest one seen in the
 * window; a late point still counts in the count, speeds, minima and maxima. Gaps of more
 * than {@value #MAX_ENERGY_GAP_S} s are not integrated (the device was off).
 */
public final class RollupAccumulator {

	static final long MAX_ENERGY_GAP_S = 900;

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

	/** Newest position. */
	public GeoPoint lastPosition;

	/** Its event time. */
	public Instant lastPositionTs;

	/** Integrated PV energy in Wh, or null without PV data. */
	public Double pvEnergyWh;

	/** Newest PV power. */
	public Double lastPvW;

	/** Its event time. */
	public Instant lastPvTs;

	/** Lowest state of charge, or null. */
	public Double minSocPct;

	/** Highest coolant temperature, or null. */
	public Double maxCoolantC;

	/** Highest inverter temperature, or null. */
	public Double maxInverterC;

	/** Newest event time. */
	public Instant lastTs;

	/** Statistics of every numeric metric. */
	public Map<String, MetricStats> metrics = new TreeMap<>();

	/**
	 * Adds an event.
	 * @param event the event
	 * @return this accumulator
	 */
	public RollupAccumulator add(TelemetryEvent event) {
		this.tenantId = event.tenantId();
		this.count++;
		boolean newest = this.lastTs == null || !event.ts().isBefore(this.lastTs);
		if (newest) {
			this.lastTs = event.ts();
		}
		event.number("speedKph").ifPresent((speed) -> {
			this.speedSum += speed;
			this.speedCount++;
			this.maxSpeedKph = (this.maxSpeedKph != null) ? Math.max(this.maxSpeedKph, speed) : speed;
		});
		var lat = event.number("lat");
		var lon = event.number("lon");
		if (lat.isPresent() && lon.isPresent()) {
			GeoPoint position = new GeoPoint(lat.getAsDouble(), lon.getAsDouble());
			this.positioned = true;
			if (this.lastPositionTs == null || event.ts().isAfter(this.lastPositionTs)) {
				if (this.lastPosition != null) {
					this.distanceM += Geo.distanceM(this.lastPosition, position);
				}
				this.lastPosition = position;
				this.lastPositionTs = event.ts();
			}
		}
		event.number("pvPowerW").ifPresent((power) -> {
			if (this.pvEnergyWh == null) {
				this.pvEnergyWh = 0.0;
			}
			if (this.lastPvTs == null || event.ts().isAfter(this.lastPvTs)) {
				if (this.lastPvTs != null) {
					double seconds = (event.ts().toEpochMilli() - this.lastPvTs.toEpochMilli()) / 1000.0;
					if (seconds <= MAX_ENERGY_GAP_S) {
						this.pvEnergyWh += (this.lastPvW + power) / 2 * seconds / 3600;
					}
				}
				this.lastPvW = power;
				this.lastPvTs = event.ts();
			}
		});
		event.number("batterySocPct")
			.ifPresent((soc) -> this.minSocPct = (this.minSocPct != null) ? Math.min(this.minSocPct, soc) : soc);
		event.number("coolantTempC")
			.ifPresent((t) -> this.maxCoolantC = (this.maxCoolantC != null) ? Math.max(this.maxCoolantC, t) : t);
		event.number("inverterTempC")
			.ifPresent((t) -> this.maxInverterC = (this.maxInverterC != null) ? Math.max(this.maxInverterC, t) : t);
		event.metrics().forEach((name, value) -> {
			if (value instanceof Number number) {
				double v = number.doubleValue();
				MetricStats stats = this.metrics.get(name);
				if (stats == null) {
					this.metrics.put(name, MetricStats.of(v));
				}
				else {
					this.metrics.put(name, new MetricStats(stats.count() + 1, Math.min(stats.min(), v),
							Math.max(stats.max(), v), stats.sum() + v, newest ? v : stats.last()));
				}
			}
		});
		return this;
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
				this.maxCoolantC, this.maxInverterC, this.metrics);
	}

	private static double round(double value, double scale) {
		return Math.round(value * scale) / scale;
	}

}
