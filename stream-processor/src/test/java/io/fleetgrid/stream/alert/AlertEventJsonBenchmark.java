package io.fleetgrid.stream.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.WriterRounds;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectWriter;

/**
 * CPU time per alert step written as JSON, the contracts' mapper (databind) and
 * {@link AlertEventJson} side by side in one JVM, rounds alternating: 10,000 steps of
 * overspeed and harsh-braking alerts (RAISED, UPDATED, CLEARED) with the details the
 * detectors write (values, limit, location), 15 rounds each after 5 thrown away; minimum
 * and median. Not a unit test; run it explicitly:
 * {@code ./fleetgrid mvn -o -pl stream-processor -am verify -DskipITs
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=AlertEventJsonBenchmark -Dbench=true}.
 */
class AlertEventJsonBenchmark {

	@Test
	void nanosPerAlertStep() {
		Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
		List<AlertEvent> alerts = new ArrayList<>();
		Instant t0 = Instant.parse("2026-11-24T10:00:00.123Z");
		for (int i = 0; i < 10_000; i++) {
			Instant ts = t0.plusMillis(i * 37L);
			AlertEvent.Status status = AlertEvent.Status.values()[i % 3];
			Map<String, Object> details = new LinkedHashMap<>();
			AlertType type;
			String message;
			if (i % 2 == 0) {
				type = AlertType.OVERSPEED;
				double speed = 95 + i % 40 + (i % 10) * 0.1;
				details.put("maxSpeedKph", speed);
				details.put("limitKph", 90.0);
				message = "Speed " + Math.round(speed) + " km/h above the limit of 90 km/h";
			}
			else {
				type = AlertType.HARSH_BRAKING;
				details.put("accelMps2", -6.0 - (i % 30) * 0.1);
				details.put("thresholdMps2", -4.5);
				details.put("speedKph", 60.0 + i % 50);
				message = "Harsh braking at 6.3 m/s²";
			}
			details.put("location", Map.of("lat", 52.52 + (i % 1000) * 1e-4, "lon", 13.405 + (i % 777) * 1e-4));
			alerts.add(new AlertEvent("alert-veh-" + i + "-" + type.name(), "tenant-" + i % 5, "veh-" + i, "fleet-1",
					type, AlertEvent.Severity.WARNING, status, null, ts.minusSeconds(20),
					(status == AlertEvent.Status.CLEARED) ? ts : null, ts, 1 + i % 3, message, details, null));
		}
		ObjectWriter databind = JsonSerdes.mapper().writerFor(AlertEvent.class);
		Map<String, Function<AlertEvent, byte[]>> writers = new LinkedHashMap<>();
		writers.put("databind", databind::writeValueAsBytes);
		writers.put("AlertEventJson", AlertEventJson::write);
		WriterRounds.compare("alert", alerts, writers, Integer.getInteger("bench.rounds", 15));
	}

}
