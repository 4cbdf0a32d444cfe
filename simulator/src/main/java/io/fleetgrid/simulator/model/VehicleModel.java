package io.fleetgrid.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A vehicle with an OBD-II/GPS tracker. It makes trips (ignition on, drive, ignition off,
 * park) along its {@link Route}: it accelerates and brakes with realistic limits, stops
 * at junctions, sometimes speeds (30 % over the limit for a while) or brakes harshly,
 * warms its engine up, burns fuel (and refuels), may have a slowly leaking tyre, and now
 * and then raises an OBD-II trouble code.
 */
public final class VehicleModel implements DeviceModel {

	private static final String[] DTC_POOL = { "P0301", "P0420", "P0171", "P0128", "P0442", "C0035", "U0100" };

	private static final double AMBIENT_C = 12;

	private final RandomGenerator random;

	private final Route route;

	private final boolean leakingTyre;

	private Instant last;

	private boolean ignition;

	private double parkedSeconds;

	private double tripRemainingM;

	private double distanceM;

	private double speedMps;

	private double accelMps2;

	private double stopSeconds;

	private double overspeedSeconds;

	private double harshBrakeSeconds;

	private double odometerKm;

	private double fuelPct;

	private double coolantC = AMBIENT_C;

	private double tirePressureKpa = 240;

	private double engineHours;

	private final List<String> dtcCodes = new ArrayList<>();

	/**
	 * A vehicle.
	 * @param random its random source (seeded: the same seed drives the same way)
	 * @param route where it drives
	 * @param start the simulated start time
	 */
	public VehicleModel(RandomGenerator random, Route route, Instant start) {
		this.random = random;
		this.route = route;
		this.last = start;
		this.leakingTyre = random.nextDouble() < 0.1;
		this.odometerKm = 5_000 + random.nextDouble() * 150_000;
		this.engineHours = this.odometerKm / 45;
		this.fuelPct = 30 + random.nextDouble() * 70;
		this.distanceM = random.nextDouble() * route.lengthM();
		this.parkedSeconds = random.nextDouble() * 30;
	}

	@Override
	public Map<String, Object> step(Instant now) {
		double dt = Math.max(0, Duration.between(this.last, now).toNanos() / 1e9);
		this.last = now;
		// Integrate in steps of at most one second so long gaps stay physical.
		while (dt > 0) {
			double slice = Math.min(1, dt);
			advance(slice);
			dt -= slice;
		}
		return metrics();
	}

	private void advance(double dt) {
		if (!this.ignition) {
			this.accelMps2 = 0;
			this.coolantC += (AMBIENT_C - this.coolantC) * dt / 900;
			this.parkedSeconds -= dt;
			if (this.parkedSeconds <= 0) {
				this.ignition = true;
				this.tripRemainingM = 2_000 + this.random.nextDouble() * 25_000;
				if (this.random.nextDouble() < 0.3) {
					this.dtcCodes.clear();
				}
			}
			return;
		}
		double limitMps = this.route.locate(this.distanceM)[3] / 3.6;
		double target = limitMps;
		if (this.overspeedSeconds > 0) {
			this.overspeedSeconds -= dt;
			target = limitMps * 1.3;
		}
		else if (this.random.nextDouble() < 0.002 * dt) {
			this.overspeedSeconds = 15 + this.random.nextDouble() * 30;
		}
		if (this.stopSeconds > 0) {
			this.stopSeconds -= dt;
			target = 0;
		}
		else if (this.speedMps > 5 && this.random.nextDouble() < 0.01 * dt) {
			// A junction or a traffic light.
			this.stopSeconds = 10 + this.random.nextDouble() * 40;
		}
		if (this.tripRemainingM <= 0) {
			target = 0;
		}
		if (this.harshBrakeSeconds > 0) {
			this.harshBrakeSeconds -= dt;
			this.accelMps2 = -6.5;
		}
		else if (this.speedMps > 12 && this.random.nextDouble() < 0.001 * dt) {
			this.harshBrakeSeconds = 1.5;
			this.accelMps2 = -6.5;
		}
		else {
			double wanted = (target - this.speedMps) / 4;
			this.accelMps2 = Math.clamp(wanted, -3.0, 2.5);
		}
		this.speedMps = Math.max(0, this.speedMps + this.accelMps2 * dt);
		if (target == 0 && this.speedMps < 0.5) {
			// Come to a standstill rather than creep towards it.
			this.speedMps = 0;
		}
		double moved = this.speedMps * dt;
		this.distanceM += moved;
		this.tripRemainingM -= moved;
		this.odometerKm += moved / 1000;
		this.engineHours += dt / 3600;
		this.fuelPct = Math.max(0, this.fuelPct - moved / 1000 * 0.14 - dt * 0.0004);
		if (this.fuelPct < 8 && this.speedMps == 0) {
			this.fuelPct = 95;
		}
		this.coolantC += (90 + this.speedMps / 10 - this.coolantC) * dt / 240;
		if (this.leakingTyre) {
			this.tirePressureKpa = Math.max(120, this.tirePressureKpa - 0.01 * dt);
		}
		if (this.random.nextDouble() < 0.0002 * dt && this.dtcCodes.size() < 3) {
			String code = DTC_POOL[this.random.nextInt(DTC_POOL.length)];
			if (!this.dtcCodes.contains(code)) {
				this.dtcCodes.add(code);
			}
		}
		if (this.tripRemainingM <= 0 && this.speedMps == 0) {
			this.ignition = false;
			this.parkedSeconds = 60 + this.random.nextDouble() * 600;
		}
	}

	private Map<String, Object> metrics() {
		double[] where = this.route.locate(this.distanceM);
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("ignition", this.ignition);
		metrics.put("lat", round(where[0], 6));
		metrics.put("lon", round(where[1], 6));
		metrics.put("speedKph", round(this.speedMps * 3.6, 1));
		metrics.put("headingDeg", round(where[2], 1));
		metrics.put("accelMps2", round(this.accelMps2, 2));
		metrics.put("odometerKm", round(this.odometerKm, 2));
		metrics.put("engineRpm", this.ignition ? Math.round(750 + this.speedMps * 3.6 * 25) : 0L);
		metrics.put("coolantTempC", round(this.coolantC, 1));
		metrics.put("oilPressureKpa", this.ignition ? round(180 + this.speedMps * 4, 0) : 0.0);
		metrics.put("tirePressureKpa", round(this.tirePressureKpa, 1));
		metrics.put("fuelLevelPct", round(this.fuelPct, 1));
		metrics.put("batteryVoltageV", this.ignition ? 14.1 : 12.6);
		metrics.put("engineHours", round(this.engineHours, 2));
		if (!this.dtcCodes.isEmpty()) {
			metrics.put("dtcCodes", List.copyOf(this.dtcCodes));
		}
		return metrics;
	}

	static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
