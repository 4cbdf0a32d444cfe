package io.fleetgrid.device.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VinsTests {

	@Test
	void acceptsANorthAmericanVinWithCheckDigitX() {
		assertThat(Vins.problem("1M8GDM9AXKP042788")).isNull();
		assertThat(Vins.checkDigit("1M8GDM9AXKP042788")).isEqualTo('X');
	}

	@Test
	void acceptsANorthAmericanVinWithANumericCheckDigit() {
		assertThat(Vins.problem("11111111111111111")).isNull();
		assertThat(Vins.problem("1HGCM82633A004352")).isNull();
	}

	@Test
	void rejectsAWrongCheckDigitOnANorthAmericanVin() {
		assertThat(Vins.problem("1M8GDM9A1KP042788")).contains("check digit").contains("'X'");
	}

	@Test
	void doesNotCheckPosition9OfAEuropeanVin() {
		assertThat(Vins.problem("WVWZZZ1JZXW000001")).isNull();
		assertThat(Vins.problem("WVWZZZ1J9XW000001")).isNull();
	}

	@Test
	void rejectsILettersOAndQAndWrongLengths() {
		assertThat(Vins.problem("WVWZZZ1JZXW00000I")).contains("character 17");
		assertThat(Vins.problem("WVWZZZ1JZXW0000O1")).contains("character 16");
		assertThat(Vins.problem("WVWZZZ1JZXW00001")).contains("17 characters");
	}

	@Test
	void normalisesCaseAndBlanks() {
		assertThat(Vins.normalise(" 1m8gdm9axkp042788 ")).isEqualTo("1M8GDM9AXKP042788");
	}

}
