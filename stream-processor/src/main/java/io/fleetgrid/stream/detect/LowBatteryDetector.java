package io.fleetgrid.stream.detect;

import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code LOW_BATTERY}: state of charge below the group's minimum
 * ({@code batterySocMinPct}) while discharging. Discharging means
 * {@code batteryPowerW > 0} (power flowing out of the battery, the same sign convention
 * as {@code gridPowerW}'s import); without a battery power reading, a falling state of
 * charge. Clears when charging or above the minimum plus the percent hysteresis.
 */
public final class LowBatteryDetector extends LevelDetector {

	/** The detector. */
	public LowBatteryDetector() {
		super(AlertType.LOW_BATTERY, "batterySocPct");
	}

	private static int flow(Detection detection, double soc) {
		OptionalDouble power = detection.number("batteryPowerW");
		if (power.isPresent()) {
			return (int) Math.signum(power.getAsDouble());
		}
		if (detection.memory().metrics.get("batterySocPct") instanceof Number previous) {
			return (soc < previous.doubleValue()) ? 1 : (soc > previous.doubleValue()) ? -1 : 0;
		}
		return 0;
	}

	@Override
	boolean breached(Detection detection, double value) {
		return value < limit(detection) && flow(detection, value) > 0;
	}

	@Override
	boolean recovered(Detection detection, double value) {
		return flow(detection, value) < 0 || value >= limit(detection) + detection.settings().percentHysteresis();
	}

	@Override
	double limit(Detection detection) {
		return detection.thresholds().batterySocMinPct();
	}

	@Override
	String message(double value, double limit) {
		return "Battery at %s %% while discharging, below the minimum of %s %%".formatted(format(value), format(limit));
	}

}
