package io.fleetgrid.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A solar inverter with a battery behind a grid meter. PV power follows a bell curve over
 * the day (zero at night, peak at solar noon) times a slowly drifting cloud cover; the
 * battery takes the surplus over the house load and covers the deficit within its limits;
 * the grid takes the rest. Now and then the inverter reports a fault code for a while,
 * and on hot afternoons it may overheat.
 */
public final class EnergySiteModel implements DeviceModel {

	private final RandomGenerator random;

	private final ZoneId zone;

	private final double peakW;

	private final double batteryKwh;

	private final double batteryMaxW;

	private Instant last;

	private double cloud;

	private double socPct;

	private double dailyYieldKwh;

	private double totalYieldKwh;

	private int day = -1;

	private double faultSeconds;

	private long faultCode;

	private double inverterTempC = 25;

	/**
	 * A site.
	 * @param random its random source
	 * @param zone its time zone (for the day curve)
	 * @param start the simulated start time
	 */
	public EnergySiteModel(RandomGenerator random, ZoneId zone, Instant start) {
		this.random = random;
		this.zone = zone;
		this.last = start;
		this.peakW = 5_000 + random.nextInt(6) * 1_000;
		this.batteryKwh = 5 + random.nextInt(3) * 5;
		this.batteryMaxW = this.batteryKwh * 500;
		this.socPct = 20 + random.nextDouble() * 60;
		this.cloud = random.nextDouble() * 0.6;
		this.totalYieldKwh = 1_000 + random.nextDouble() * 20_000;
	}

	/**
	 * Clear-sky PV power as a fraction of the peak at a local time of day.
	 * @param hourOfDay local hour with fraction (0 to 24)
	 * @return 0 at night, 1 at 13:00
	 */
	static double clearSky(double hourOfDay) {
		double sunrise = 6;
		double sunset = 20;
		if (hourOfDay <= sunrise || hourOfDay >= sunset) {
			return 0;
		}
		double x = (hourOfDay - sunrise) / (sunset - sunrise);
		return Math.pow(Math.sin(Math.PI * x), 1.5);
	}

	@Override
	public Map<String, Object> step(Instant now) {
		double dt = Math.max(0, Duration.between(this.last, now).toNanos() / 1e9);
		this.last = now;
		ZonedDateTime local = now.atZone(this.zone);
		if (local.getDayOfYear() != this.day) {
			this.day = local.getDayOfYear();
			this.dailyYieldKwh = 0;
		}
		double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
		this.cloud = Math.clamp(this.cloud + (this.random.nextDouble() - 0.5) * 0.02 * Math.min(dt, 60), 0, 0.9);
		if (this.faultSeconds > 0) {
			this.faultSeconds -= dt;
			if (this.faultSeconds <= 0) {
				this.faultCode = 0;
			}
		}
		else if (this.random.nextDouble() < 0.0001 * dt) {
			this.faultCode = 1 + this.random.nextInt(40);
			this.faultSeconds = 60 + this.random.nextDouble() * 600;
		}
		double pvW = (this.faultCode != 0) ? 0 : this.peakW * clearSky(hour) * (1 - this.cloud);
		double loadW = 300 + 400 * Math.max(0, Math.sin(Math.PI * (hour - 16) / 8)) + this.random.nextDouble() * 150;
		double surplusW = pvW - loadW;
		double batteryW;
		if (surplusW > 0 && this.socPct < 100) {
			batteryW = Math.min(surplusW, this.batteryMaxW);
		}
		else if (surplusW < 0 && this.socPct > 10) {
			batteryW = Math.max(surplusW, -this.batteryMaxW);
		}
		else {
			batteryW = 0;
		}
		this.socPct = Math.clamp(this.socPct + batteryW * dt / 3600 / (this.batteryKwh * 1000) * 100, 0, 100);
		double gridW = loadW - pvW + batteryW;
		double acW = pvW - batteryW;
		double energyKwh = pvW * dt / 3_600_000;
		this.dailyYieldKwh += energyKwh;
		this.totalYieldKwh += energyKwh;
		double targetTemp = 20 + pvW / this.peakW * 35 + ((hour > 13 && hour < 17) ? 10 : 0);
		this.inverterTempC += (targetTemp - this.inverterTempC) * Math.min(1, dt / 300);
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("pvPowerW", VehicleModel.round(pvW, 0));
		metrics.put("acPowerW", VehicleModel.round(acW, 0));
		metrics.put("gridPowerW", VehicleModel.round(gridW, 0));
		metrics.put("batterySocPct", VehicleModel.round(this.socPct, 1));
		metrics.put("batteryPowerW", VehicleModel.round(batteryW, 0));
		metrics.put("dailyYieldKwh", VehicleModel.round(this.dailyYieldKwh, 3));
		metrics.put("totalYieldKwh", VehicleModel.round(this.totalYieldKwh, 3));
		metrics.put("inverterTempC", VehicleModel.round(this.inverterTempC, 1));
		metrics.put("gridVoltageV", VehicleModel.round(230 + (this.random.nextDouble() - 0.5) * 6, 1));
		metrics.put("gridFrequencyHz", VehicleModel.round(50 + (this.random.nextDouble() - 0.5) * 0.1, 3));
		metrics.put("faultCode", this.faultCode);
		return metrics;
	}

}
