package io.fleetgrid.contracts.telemetry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTests {

	@Test
	void writesDurationsInTheLargestExactUnit() {
		assertThat(Texts.duration(Duration.ofDays(30))).isEqualTo("30 days");
		assertThat(Texts.duration(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(Texts.duration(Duration.ofMinutes(90))).isEqualTo("90 minutes");
		assertThat(Texts.duration(Duration.ofMillis(300_001))).isEqualTo("300.001 s");
		assertThat(Texts.duration(Duration.ZERO)).isEqualTo("0 s");
	}

	@Test
	void writesIntegralNumbersWithoutFraction() {
		assertThat(Texts.number(400)).isEqualTo("400");
		assertThat(Texts.number(-1e9)).isEqualTo("-1000000000");
		assertThat(Texts.number(0.5)).isEqualTo("0.5");
		assertThat(Texts.number(1e20)).isEqualTo("1.0E20");
	}

	@Test
	void quotesTextSafely() {
		assertThat(Texts.quoted("a\"b\\c\u0000\ud800", 64)).isEqualTo("\"a\\\"b\\\\c\\u0000\\uD800\"");
		assertThat(Texts.quoted("x".repeat(70), 64)).isEqualTo("\"" + "x".repeat(64) + "\"...");
	}

}
