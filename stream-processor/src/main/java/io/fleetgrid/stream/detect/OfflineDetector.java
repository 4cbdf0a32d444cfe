package io.fleetgrid.stream.detect;

import java.time.Instant;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertType;

/**
 * {@code DEVICE_OFFLINE}, event side: the next event of an offline device clears the
 * alert (endedAt = the event time). Raising is done by wall-clock punctuation, see
 * {@code io.fleetgrid.stream.topology.OfflinePunctuator}.
 */
public final class OfflineDetector implements Detector {

	@Override
	public void detect(Detection detection) {
		var active = detection.alerts().active(AlertType.DEVICE_OFFLINE, null);
		if (active != null) {
			Instant end = detection.ts();
			detection.alerts()
				.clear(AlertType.DEVICE_OFFLINE, null, end, detection.ts(), "Device is sending again",
						Map.of("backAt", end.toString()));
		}
	}

}
