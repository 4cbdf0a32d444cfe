package io.fleetgrid.stream.detect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;

/**
 * A condition on one value with hysteresis: raised when the value breaches the limit,
 * cleared only once it is back beyond the limit by the hysteresis, so a value hovering at
 * the limit does not flap. An event without the value changes nothing.
 */
abstract class LevelDetector implements Detector {

	private final AlertType type;

	private final String metric;

	LevelDetector(AlertType type, String metric) {
		this.type = type;
		this.metric = metric;
	}

	/**
	 * The value to test.
	 * @param detection the event
	 * @return the value, or empty to change nothing
	 */
	OptionalDouble value(Detection detection) {
		return detection.number(this.metric);
	}

	abstract boolean breached(Detection detection, double value);

	abstract boolean recovered(Detection detection, double value);

	abstract double limit(Detection detection);

	abstract String message(double value, double limit);

	@Override
	public void detect(Detection detection) {
		OptionalDouble found = value(detection);
		if (found.isEmpty()) {
			return;
		}
		double value = found.getAsDouble();
		boolean active = detection.alerts().active(this.type, null) != null;
		if (!active && breached(detection, value)) {
			double limit = limit(detection);
			detection.alerts()
				.raise(this.type, null, detection.ts(), detection.ts(), message(value, limit),
						details(detection, value, limit));
		}
		else if (active && recovered(detection, value)) {
			double limit = limit(detection);
			detection.alerts()
				.clear(this.type, null, detection.ts(), detection.ts(), null, details(detection, value, limit));
		}
	}

	Map<String, Object> details(Detection detection, double value, double limit) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put(this.metric, value);
		details.put("limit", limit);
		if (detection.position() != null) {
			details.put("location", Map.of("lat", detection.position().lat(), "lon", detection.position().lon()));
		}
		return details;
	}

	static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
