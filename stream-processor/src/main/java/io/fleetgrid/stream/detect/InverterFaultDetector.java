package io.fleetgrid.stream.detect;

import java.util.Map;
import java.util.OptionalDouble;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code INVERTER_FAULT}: a non-zero {@code faultCode}, described from the generic table
 * in {@link DiagnosticCodes#inverter}. A different code while active is an UPDATED, code
 * 0 clears.
 */
public final class InverterFaultDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		OptionalDouble found = detection.number("faultCode");
		if (found.isEmpty()) {
			return;
		}
		long code = (long) found.getAsDouble();
		var active = detection.alerts().active(AlertType.INVERTER_FAULT, null);
		if (code == 0) {
			if (active != null) {
				detection.alerts()
					.clear(AlertType.INVERTER_FAULT, null, detection.ts(), detection.ts(), null,
							Map.of("faultCode", 0L));
			}
			return;
		}
		String description = DiagnosticCodes.inverter(code);
		Map<String, Object> details = Map.of("faultCode", code, "description", description);
		String message = "Inverter fault " + code + ": " + description;
		if (active == null) {
			detection.alerts().raise(AlertType.INVERTER_FAULT, null, detection.ts(), detection.ts(), message, details);
		}
		else if (!(active.details().get("faultCode") instanceof Number previous) || previous.longValue() != code) {
			detection.alerts().update(AlertType.INVERTER_FAULT, null, detection.ts(), message, details);
		}
	}

}
