package io.fleetgrid.stream.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;

/**
 * {@code GRID_ANOMALY}: grid voltage outside {@code gridVoltageMinV..gridVoltageMaxV} or
 * frequency outside {@code gridFrequencyMinHz..gridFrequencyMaxHz}. Cleared when every
 * reported value is back inside its band by the voltage or frequency hysteresis.
 */
public final class GridAnomalyDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		OptionalDouble voltage = detection.number("gridVoltageV");
		OptionalDouble frequency = detection.number("gridFrequencyHz");
		if (voltage.isEmpty() && frequency.isEmpty()) {
			return;
		}
		Thresholds t = detection.thresholds();
		double hv = detection.settings().voltageHysteresisV();
		double hf = detection.settings().frequencyHysteresisHz();
		List<String> problems = new ArrayList<>();
		Map<String, Object> details = new LinkedHashMap<>();
		boolean calm = true;
		if (voltage.isPresent()) {
			double v = voltage.getAsDouble();
			details.put("gridVoltageV", v);
			details.put("voltageBandV", List.of(t.gridVoltageMinV(), t.gridVoltageMaxV()));
			if (v < t.gridVoltageMinV() || v > t.gridVoltageMaxV()) {
				problems.add("voltage " + LevelDetector.format(v) + " V");
			}
			calm &= v >= t.gridVoltageMinV() + hv && v <= t.gridVoltageMaxV() - hv;
		}
		if (frequency.isPresent()) {
			double f = frequency.getAsDouble();
			details.put("gridFrequencyHz", f);
			details.put("frequencyBandHz", List.of(t.gridFrequencyMinHz(), t.gridFrequencyMaxHz()));
			if (f < t.gridFrequencyMinHz() || f > t.gridFrequencyMaxHz()) {
				problems.add("frequency " + String.format(java.util.Locale.ROOT, "%.2f", f) + " Hz");
			}
			calm &= f >= t.gridFrequencyMinHz() + hf && f <= t.gridFrequencyMaxHz() - hf;
		}
		boolean active = detection.alerts().active(AlertType.GRID_ANOMALY, null) != null;
		if (!active && !problems.isEmpty()) {
			detection.alerts()
				.raise(AlertType.GRID_ANOMALY, null, detection.ts(), detection.ts(),
						"Grid " + String.join(" and ", problems) + " out of band", details);
		}
		else if (active && calm) {
			detection.alerts().clear(AlertType.GRID_ANOMALY, null, detection.ts(), detection.ts(), null, details);
		}
	}

}
