package io.fleetgrid.log.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Validation of search parameters.
 */
class CriteriaTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private static final Map<String, UnaryOperator<String>> FILTERS = Map.of("level",
			Criteria.oneOf("ERROR", "WARN", "INFO"), "service", UnaryOperator.identity());

	@Test
	void parsesEveryParameter() {
		String cursor = new Criteria.Cursor(1763899200000L, "3-17").encode();
		Criteria criteria = Criteria.parse(Map.of("q", "  brake pressure ", "level", "error, warn", "service",
				"ingest-service", "from", "2026-11-23T10:00:00Z", "to", "2026-11-23T11:00:00Z", "sort", "asc", "size",
				"20", "after", cursor, "interval", "5m"), FILTERS, NOW);
		assertThat(criteria.q()).isEqualTo("brake pressure");
		assertThat(criteria.filters()).containsEntry("level", List.of("ERROR", "WARN"))
			.containsEntry("service", List.of("ingest-service"));
		assertThat(criteria.from()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(criteria.to()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
		assertThat(criteria.ascending()).isTrue();
		assertThat(criteria.size()).isEqualTo(20);
		assertThat(criteria.after()).isEqualTo(new Criteria.Cursor(1763899200000L, "3-17"));
		assertThat(criteria.interval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void defaultsToNewestFirstFiftyPerPageWithoutAggregations() {
		Criteria criteria = Criteria.parse(Map.of(), FILTERS, NOW);
		assertThat(criteria.q()).isNull();
		assertThat(criteria.filters()).isEmpty();
		assertThat(criteria.ascending()).isFalse();
		assertThat(criteria.size()).isEqualTo(Criteria.DEFAULT_SIZE);
		assertThat(criteria.after()).isNull();
		assertThat(criteria.interval()).isNull();
	}

	@Test
	void rejectsAnUnknownParameterNamingIt() {
		assertInvalid(Map.of("tenantId", "other"), "tenantId");
	}

	@Test
	void rejectsFilterValuesThatAreNotPlainTokens() {
		assertInvalid(Map.of("service", "{\"match_all\":{}}"), "service");
		assertInvalid(Map.of("service", "a b"), "service");
		assertInvalid(Map.of("level", "LOUD"), "level");
	}

	@Test
	void rejectsATooLongQuery() {
		assertInvalid(Map.of("q", "x".repeat(Criteria.MAX_QUERY_CHARS + 1)), "q");
	}

	@Test
	void rejectsInvalidOrReversedTimeRanges() {
		assertInvalid(Map.of("from", "2026-11-23"), "from");
		assertInvalid(Map.of("to", "tomorrow"), "to");
		assertInvalid(Map.of("from", "2026-11-23T11:00:00Z", "to", "2026-11-23T10:00:00Z"), "from");
	}

	@Test
	void rejectsPageSizesOutsideOneToFiveHundred() {
		assertInvalid(Map.of("size", "0"), "size");
		assertInvalid(Map.of("size", "501"), "size");
		assertInvalid(Map.of("size", "ten"), "size");
	}

	@Test
	void rejectsACursorItDidNotIssue() {
		assertInvalid(Map.of("after", "bm90LWEtY3Vyc29y"), "after");
		assertInvalid(Map.of("after", "%%%"), "after");
	}

	@Test
	void rejectsAggregationsWithoutARangeOrWithTooManyBuckets() {
		assertInvalid(Map.of("interval", "1h"), "from");
		assertInvalid(Map.of("interval", "2h", "from", "2026-11-23T10:00:00Z"), "interval");
		assertInvalid(Map.of("interval", "1m", "from", "2026-11-01T00:00:00Z"), "interval");
	}

	@Test
	void cursorSurvivesTheRoundTripThroughItsText() {
		Criteria.Cursor cursor = new Criteria.Cursor(42L, "alert-7:3");
		assertThat(Criteria.Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	private static void assertInvalid(Map<String, String> parameters, String parameter) {
		assertThatExceptionOfType(InvalidSearchException.class)
			.isThrownBy(() -> Criteria.parse(parameters, FILTERS, NOW))
			.satisfies((ex) -> {
				assertThat(ex.getBody().getDetail()).startsWith(parameter + ": ");
				assertThat(ex.getBody().getProperties()).containsEntry("parameter", parameter);
			});
	}

}
