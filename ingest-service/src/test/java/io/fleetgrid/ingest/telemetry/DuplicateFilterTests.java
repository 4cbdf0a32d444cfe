package io.fleetgrid.ingest.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.telemetry.TelemetryPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateFilterTests {

	private final DuplicateFilter filter = new DuplicateFilter(1000, Duration.ofMinutes(10));

	@Test
	void dropsSequenceNumbersAcceptedBeforeAndRepeatsWithinABatch() {
		this.filter.remember("d1", List.of(point(1L), point(2L)));
		assertThat(this.filter.fresh("d1", List.of(point(2L), point(3L), point(3L), point(null))))
			.extracting(TelemetryPoint::seq)
			.containsExactly(3L, null);
	}

	@Test
	void keepsDevicesApartAndForgetsNothingThatWasNotRemembered() {
		this.filter.remember("d1", List.of(point(1L)));
		assertThat(this.filter.fresh("d2", List.of(point(1L)))).hasSize(1);
		this.filter.fresh("d3", List.of(point(5L)));
		assertThat(this.filter.fresh("d3", List.of(point(5L)))).hasSize(1);
	}

	private static TelemetryPoint point(Long seq) {
		return new TelemetryPoint(Instant.parse("2026-11-23T10:00:00Z"), seq, Map.of("speedKph", 50L));
	}

}
