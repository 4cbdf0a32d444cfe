package io.fleetgrid.stream.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code DTC}: new OBD-II diagnostic trouble codes. RAISED when the device reports codes
 * it did not report before, UPDATED when further new codes appear, CLEARED when it
 * reports an empty list. Details: every active code with its description and the new
 * ones.
 */
public final class DtcDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		if (!detection.event().metrics().containsKey("dtcCodes")) {
			return;
		}
		List<String> codes = detection.event().textList("dtcCodes");
		DeviceMemory memory = detection.memory();
		List<String> fresh = new ArrayList<>();
		for (String code : codes) {
			if (!memory.dtcCodes.contains(code)) {
				fresh.add(code);
			}
		}
		memory.dtcCodes = new ArrayList<>(codes);
		boolean active = detection.alerts().active(AlertType.DTC, null) != null;
		if (codes.isEmpty()) {
			if (active) {
				detection.alerts()
					.clear(AlertType.DTC, null, detection.ts(), detection.ts(), "Trouble codes cleared",
							Map.of("codes", List.of()));
			}
			return;
		}
		if (fresh.isEmpty()) {
			return;
		}
		Map<String, Object> described = new LinkedHashMap<>();
		codes.forEach((code) -> described.put(code, DiagnosticCodes.obd(code)));
		Map<String, Object> details = Map.of("codes", described, "newCodes", fresh);
		List<String> summary = new ArrayList<>();
		fresh.forEach((code) -> summary.add(code + " " + DiagnosticCodes.obd(code)));
		String message = "New trouble code" + ((fresh.size() > 1) ? "s: " : ": ") + String.join("; ", summary);
		if (active) {
			detection.alerts().update(AlertType.DTC, null, detection.ts(), message, details);
		}
		else {
			detection.alerts().raise(AlertType.DTC, null, detection.ts(), detection.ts(), message, details);
		}
	}

}
