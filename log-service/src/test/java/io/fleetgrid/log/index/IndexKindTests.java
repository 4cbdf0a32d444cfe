package io.fleetgrid.log.index;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily index names.
 */
class IndexKindTests {

	@Test
	void namesTheDailyIndexByTheUtcDayOfTheDocument() {
		assertThat(IndexKind.LOGS.index(Instant.parse("2026-11-23T23:59:59.999Z")))
			.isEqualTo("fleetgrid-logs-2026.11.23");
		assertThat(IndexKind.AUDIT.index(Instant.parse("2026-11-24T00:00:00Z")))
			.isEqualTo("fleetgrid-audit-2026.11.24");
		assertThat(IndexKind.ALERTS.pattern()).isEqualTo("fleetgrid-alerts-*");
	}

	@Test
	void readsTheDayOnlyFromItsOwnDailyIndices() {
		assertThat(IndexKind.LOGS.day("fleetgrid-logs-2026.11.23")).contains(LocalDate.of(2026, 11, 23));
		assertThat(IndexKind.LOGS.day("fleetgrid-audit-2026.11.23")).isEmpty();
		assertThat(IndexKind.LOGS.day("fleetgrid-logs-archive")).isEmpty();
		assertThat(IndexKind.LOGS.day("fleetgrid-logs-2026.13.01")).isEmpty();
	}

}
