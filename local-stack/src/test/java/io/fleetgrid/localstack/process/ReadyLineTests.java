package io.fleetgrid.localstack.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReadyLineTests {

	@Test
	void formatsPropertiesAsOneLineOfJson() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("bootstrapServers", "localhost:9092");
		properties.put("port", "15432");

		assertThat(ReadyLine.format(properties))
			.isEqualTo("FLEETGRID-READY {\"bootstrapServers\":\"localhost:9092\",\"port\":\"15432\"}");
		assertThat(ReadyLine.format(Map.of())).isEqualTo("FLEETGRID-READY {}");
	}

	@Test
	void quotesBackslashesControlAndNonAsciiCharactersSurviveTheRoundTrip() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("pass\"word", "a\\b\"c\nd\te\u0001f");
		properties.put("name", "Zürich €");

		String line = ReadyLine.format(properties);

		assertThat(line).doesNotContain("\n").matches("\\p{ASCII}*");
		assertThat(ReadyLine.isReadyLine(line)).isTrue();
		assertThat(ReadyLine.parse(line)).containsExactlyEntriesOf(properties);
	}

	@Test
	void parsesWhitespaceAndEscapesOtherWritersUse() {
		assertThat(ReadyLine.parse("FLEETGRID-READY { \"url\" : \"tcp:\\/\\/localhost:1883\" , \"x\":\"\\u00e9\" } "))
			.containsExactly(Map.entry("url", "tcp://localhost:1883"), Map.entry("x", "é"));
	}

	@Test
	void rejectsLinesThatAreNotWellFormed() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReadyLine.parse("READY {}"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReadyLine.parse("FLEETGRID-READY {\"a\":\"b\""));
		assertThatIllegalArgumentException().isThrownBy(() -> ReadyLine.parse("FLEETGRID-READY {\"a\":1}"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReadyLine.parse("FLEETGRID-READY {\"a\":\"b\"} x"));
		assertThatIllegalArgumentException().isThrownBy(() -> ReadyLine.parse("FLEETGRID-READY {\"a\":\"\\u12\"}"));
	}

}
