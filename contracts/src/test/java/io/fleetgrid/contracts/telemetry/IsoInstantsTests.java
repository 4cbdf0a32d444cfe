package io.fleetgrid.contracts.telemetry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

	@Test
	void agreesWithJavaTimeOnRandomInstantsOffsetsAndPrecisions() {
		Random random = new Random(42);
		String[] patterns = { "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
				"yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", "yyyy-MM-dd'T'HH:mm:ss.SXXX" };
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
					random.nextInt(1_000_000_000));
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
			String text = OffsetDateTime.ofInstant(instant, offset)
				.format(DateTimeFormatter.ofPattern(patterns[i % patterns.length]));
			Instant expected = OffsetDateTime.parse(text).toInstant();
			assertThat(parse(text)).as(text).isEqualTo(expected);
		}
	}

	@Test
	void handlesLeapDays() {
		assertThat(parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
		assertThat(parse("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
		assertThat(parse("1900-02-29T00:00:00Z")).isNull();
		assertThat(parse("2026-02-29T00:00:00Z")).isNull();
	}

	@Test
	void acceptsLowerCaseSeparatorsAndNegativeZeroOffset() {
		assertThat(parse("2026-11-23t10:15:30z")).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
		assertThat(parse("2026-11-23T10:15:30-00:00")).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-23T10:15:30", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
			"2026-04-31T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-23T10:60:00Z", "2026-11-23T10:15:30.Z",
			"2026-11-23T10:15:30+18:01", "2026-11-23T10:15:30+01:60", "2026-11-23T10:15:30+01", "2026-11-23T10:15:30ZZ",
			"2026-11-23X10:15:30Z", "2026/11/23T10:15:30Z", "20261123T101530Z", "2026-11-23T10:15:30 Z",
			"2026-1a-23T10:15:30Z", "2026-11-23T10:15:30.123456789012Z" })
	void rejectsMalformedTimestamps(String text) {
		assertThat(parse(text)).isNull();
	}

	private static Instant parse(String text) {
		char[] buffer = ("##" + text + "##").toCharArray();
		return IsoInstants.parse(buffer, 2, text.length());
	}

}
