package io.fleetgrid.stream.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code HARSH_BRAKING} and {@code HARSH_ACCELERATION}: the longitudinal acceleration —
 * {@code accelMps2} when the device sends it, otherwise Δspeed/Δt between this and the
 * previous point if they are at most {@code harshMaxGapSeconds} apart — beyond the
 * group's {@code harshBrakingMps2} (as deceleration) or {@code harshAccelerationMps2}.
 * The alert is RAISED at the first point beyond the threshold, UPDATED when a later point
 * of the same manoeuvre is harsher, CLEARED at the first point back within it.
 */
public final class HarshDrivingDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		OptionalDouble accel = acceleration(detection);
		if (accel.isEmpty()) {
			return;
		}
		double a = accel.getAsDouble();
		check(detection, AlertType.HARSH_BRAKING, -a, detection.thresholds().harshBrakingMps2(), "Braking");
		check(detection, AlertType.HARSH_ACCELERATION, a, detection.thresholds().harshAccelerationMps2(),
				"Acceleration");
	}

	private static OptionalDouble acceleration(Detection detection) {
		OptionalDouble accel = detection.number("accelMps2");
		if (accel.isPresent()) {
			return accel;
		}
		OptionalDouble speed = detection.number("speedKph");
		DeviceMemory memory = detection.memory();
		if (speed.isEmpty() || memory.lastSpeedKph == null || memory.lastSpeedTs == null) {
			return OptionalDouble.empty();
		}
		double dt = Detection.seconds(memory.lastSpeedTs, detection.ts());
		if (dt <= 0 || dt > detection.settings().harshMaxGapSeconds()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((speed.getAsDouble() - memory.lastSpeedKph) / 3.6 / dt);
	}

	private static void check(Detection detection, AlertType type, double magnitude, double threshold, String what) {
		var active = detection.alerts().active(type, null);
		if (magnitude >= threshold) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("accelerationMps2", magnitude);
			details.put("thresholdMps2", threshold);
			detection.event().number("speedKph").ifPresent((speed) -> details.put("speedKph", speed));
			if (detection.position() != null) {
				details.put("location", Map.of("lat", detection.position().lat(), "lon", detection.position().lon()));
			}
			String message = String.format(Locale.ROOT, "%s at %.1f m/s² (threshold %.1f m/s²)", what, magnitude,
					threshold);
			if (active == null) {
				detection.alerts().raise(type, null, detection.ts(), detection.ts(), message, details);
			}
			else if (active.details().get("accelerationMps2") instanceof Number peak
					&& magnitude > peak.doubleValue()) {
				detection.alerts().update(type, null, detection.ts(), message, details);
			}
		}
		else if (active != null) {
			detection.alerts().clear(type, null, detection.ts(), detection.ts(), null, null);
		}
	}

}
