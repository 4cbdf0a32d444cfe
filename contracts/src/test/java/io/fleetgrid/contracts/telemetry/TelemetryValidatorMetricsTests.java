package io.fleetgrid.contracts.telemetry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.telemetry.ValidationError.Code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TelemetryValidatorMetricsTests extends ValidatorFixture {

	@Test
	void rejectsMissingMetrics() {
		assertError(onlyError("{\"ts\":" + TS + "}"), 0, "metrics", Code.MISSING_FIELD,
				"is required: an object of metric names to values");
	}

	@Test
	void rejectsNullMetrics() {
		assertError(onlyError("{\"ts\":" + TS + ",\"metrics\":null}"), 0, "metrics", Code.MISSING_FIELD,
				"must be an object of metric names to values, got null");
	}

	@Test
	void rejectsMetricsThatAreNotAnObject() {
		assertError(onlyError("{\"ts\":" + TS + ",\"metrics\":[{\"speedKph\":1}]}"), 0, "metrics", Code.WRONG_TYPE,
				"must be an object of metric names to values, got an array");
	}

	@Test
	void acceptsEmptyMetricsAsAHeartbeat() {
		assertThat(acceptedOne(event("{}")).metrics()).isEmpty();
	}

	@Test
	void accepts64Metrics() {
		assertThat(acceptedOne(event(manyMetrics(64))).metrics()).hasSize(64);
	}

	@Test
	void rejectsMoreThan64Metrics() {
		assertError(onlyError(event(manyMetrics(65))), 0, "metrics", Code.TOO_MANY_METRICS,
				"has 65 metrics; at most 64 are allowed per event");
	}

	@Test
	void rejectsEmptyMetricName() {
		assertError(onlyError(metric("", "1")), 0, "metrics", Code.INVALID_METRIC_NAME, "metric name \"\" is empty");
	}

	@Test
	void acceptsMetricNameOf64Characters() {
		assertThat(acceptedOne(metric("m".repeat(64), "1")).metrics()).containsKey("m".repeat(64));
	}

	@Test
	void rejectsMetricNameLongerThan64Characters() {
		assertError(onlyError(metric("m".repeat(65), "1")), 0, "metrics", Code.INVALID_METRIC_NAME,
				"is 65 characters long; at most 64 are allowed");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			speed kph | contains U+0020
			speed$    | contains U+0024
			tempÜ     | contains U+00DC
			a/b       | contains U+002F
			1speed    | must start with a letter
			_speed    | must start with a letter
			""")
	void rejectsMetricNameOutsideTheSafeCharacters(String name, String reason) {
		assertError(onlyError(metric(name, "1")), 0, "metrics", Code.INVALID_METRIC_NAME, reason);
	}

	@Test
	void acceptsMetricNamesWithDigitsDotsDashesAndUnderscores() {
		assertThat(acceptedOne(metric("tpms.front-left_2", "220")).metrics()).containsKey("tpms.front-left_2");
	}

	@Test
	void passesUnknownMetricsOfEveryAllowedTypeThrough() {
		TelemetryPoint point = acceptedOne(
				event("{\"firmware\":\"1.4.2\",\"doorOpen\":false,\"cellVoltages\":3.71,\"errorCount\":3,"
						+ "\"tags\":[\"a\",\"b\"],\"none\":[]}"));
		assertThat(point.metrics()).containsExactly(Map.entry("firmware", "1.4.2"), Map.entry("doorOpen", false),
				Map.entry("cellVoltages", 3.71), Map.entry("errorCount", 3L), Map.entry("tags", List.of("a", "b")),
				Map.entry("none", List.of()));
	}

	@Test
	void readsIntegersAsLongAndDecimalsAsDouble() {
		TelemetryPoint point = acceptedOne(event("{\"a\":1,\"b\":1.0,\"c\":-0.5e2,\"d\":12345678901234}"));
		assertThat(point.metrics().values()).extracting(Object::getClass)
			.containsExactly(Long.class, Double.class, Double.class, Long.class);
		assertThat(point.metrics()).containsEntry("c", -50.0).containsEntry("d", 12345678901234L);
	}

	@Test
	void returnsImmutableMetrics() {
		TelemetryPoint point = acceptedOne(event("{\"tags\":[\"a\"],\"x\":1}"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> point.metrics().put("y", 2L));
		@SuppressWarnings("unchecked")
		List<String> tags = (List<String>) point.metrics().get("tags");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> tags.add("b"));
	}

	@Test
	void rejectsNullMetricValue() {
		assertError(onlyError(metric("doorOpen", "null")), 0, "metrics.doorOpen", Code.WRONG_TYPE,
				"must not be null; leave a metric out when it has no value");
	}

	@Test
	void rejectsObjectMetricValue() {
		assertError(onlyError(metric("position", "{\"lat\":1,\"lon\":2}")), 0, "metrics.position", Code.WRONG_TYPE,
				"must be a number, true/false, text or an array of text, got an object");
	}

	@Test
	void acceptsTextOf256Characters() {
		assertThat(acceptedOne(metric("note", "\"" + "x".repeat(256) + "\"")).metrics().get("note"))
			.isEqualTo("x".repeat(256));
	}

	@Test
	void countsCharactersNotUtf16UnitsInTextLength() {
		String emoji = "\uD83D\uDE9A".repeat(256);
		assertThat(acceptedOne(metric("note", "\"" + emoji + "\"")).metrics().get("note")).isEqualTo(emoji);
	}

	@Test
	void rejectsTextLongerThan256Characters() {
		assertError(onlyError(metric("note", "\"" + "x".repeat(257) + "\"")), 0, "metrics.note", Code.TOO_LONG,
				"is 257 characters long; at most 256 are allowed");
	}

	@Test
	void rejectsArrayWithItemsThatAreNotText() {
		assertError(onlyError(metric("tags", "[\"a\",1]")), 0, "metrics.tags[1]", Code.WRONG_TYPE,
				"must be text, got a number");
	}

	@Test
	void rejectsNestedArrays() {
		assertError(onlyError(metric("tags", "[[\"a\"]]")), 0, "metrics.tags[0]", Code.WRONG_TYPE,
				"must be text, got an array");
	}

	@Test
	void rejectsArrayItemLongerThan256Characters() {
		assertError(onlyError(metric("tags", "[\"" + "x".repeat(300) + "\"]")), 0, "metrics.tags[0]", Code.TOO_LONG,
				"is 300 characters long");
	}

	@Test
	void rejectsArrayWithMoreThan64Items() {
		String items = "\"a\",".repeat(65);
		assertError(onlyError(metric("tags", "[" + items.substring(0, items.length() - 1) + "]")), 0, "metrics.tags",
				Code.TOO_LONG, "has more than 64 items");
	}

	@Test
	void rejectsDuplicateMetric() {
		assertError(onlyError(event("{\"speedKph\":1,\"speedKph\":2}")), 0, "metrics.speedKph", Code.DUPLICATE_FIELD,
				"appears more than once");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			speedKph        | 512.0       | 512.0 is above the maximum 400
			speedKph        | -1          | -1 is below the minimum 0
			lat             | 90.0001     | 90.0001 is above the maximum 90
			lat             | -90.5       | -90.5 is below the minimum -90
			lon             | 180.01      | 180.01 is above the maximum 180
			lon             | -181        | -181 is below the minimum -180
			headingDeg      | 361         | 361 is above the maximum 360
			headingDeg      | -0.1        | -0.1 is below the minimum 0
			altitudeM       | 12000       | 12000 is above the maximum 10000
			odometerKm      | -3          | -3 is below the minimum 0
			engineRpm       | 20001       | 20001 is above the maximum 20000
			coolantTempC    | 250         | 250 is above the maximum 200
			oilPressureKpa  | -10         | -10 is below the minimum 0
			tirePressureKpa | 1600        | 1600 is above the maximum 1500
			fuelLevelPct    | 100.5       | 100.5 is above the maximum 100
			fuelLevelPct    | -0.5        | -0.5 is below the minimum 0
			batteryVoltageV | -12         | -12 is below the minimum 0
			accelMps2       | 50.5        | 50.5 is above the maximum 50
			accelMps2       | -51         | -51 is below the minimum -50
			engineHours     | -1          | -1 is below the minimum 0
			pvPowerW        | -1          | -1 is below the minimum 0
			pvPowerW        | 2e9         | 2e9 is above the maximum 1000000000
			acPowerW        | -1.5e9      | -1.5e9 is below the minimum -1000000000
			gridPowerW      | 1e10        | 1e10 is above the maximum 1000000000
			batterySocPct   | 101         | 101 is above the maximum 100
			batterySocPct   | -1          | -1 is below the minimum 0
			batteryPowerW   | -2000000000 | -2000000000 is below the minimum -1000000000
			dailyYieldKwh   | -0.1        | -0.1 is below the minimum 0
			totalYieldKwh   | -5          | -5 is below the minimum 0
			inverterTempC   | -80         | -80 is below the minimum -60
			gridVoltageV    | -230        | -230 is below the minimum 0
			gridFrequencyHz | 150         | 150 is above the maximum 100
			faultCode       | -1          | -1 is below the minimum 0
			faultCode       | 4294967296  | 4294967296 is above the maximum 4294967295
			""")
	void rejectsKnownMetricOutsideItsRange(String name, String value, String reason) {
		assertError(onlyError(metric(name, value)), 0, "metrics." + name, Code.OUT_OF_RANGE, reason);
	}

	@ParameterizedTest
	@EnumSource(value = KnownMetric.Kind.class, names = { "NUMBER", "WHOLE_NUMBER" })
	void acceptsEveryNumericKnownMetricAtBothEndsOfItsRange(KnownMetric.Kind kind) {
		for (KnownMetric known : KnownMetric.values()) {
			if (known.kind() == kind) {
				for (double bound : new double[] { known.min(), known.max() }) {
					String value = Texts.number(bound);
					assertThat(acceptedOne(metric(known.metricName(), value)).metrics().get(known.metricName()))
						.as(known + " = " + value)
						.isInstanceOfSatisfying(Number.class,
								(number) -> assertThat(number.doubleValue()).isEqualTo(bound));
				}
			}
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			gridPowerW    | -3500.5
			batteryPowerW | -1200
			acPowerW      | -50
			accelMps2     | -7.8
			altitudeM     | -420
			coolantTempC  | -30
			""")
	void acceptsNegativeValuesOfSignedMetrics(String name, String value) {
		assertThat(acceptedOne(metric(name, value)).metrics().get(name)).isInstanceOfSatisfying(Number.class,
				(number) -> assertThat(number.doubleValue()).isEqualTo(Double.parseDouble(value)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			speedKph  | "87.5"     | must be a number from 0 to 400, got text
			speedKph  | true       | must be a number from 0 to 400, got a boolean
			speedKph  | [87.5]     | must be a number from 0 to 400, got an array
			lat       | {"v":1}    | must be a number from -90 to 90, got an object
			ignition  | 1          | must be true or false, got a number
			ignition  | "true"     | must be true or false, got text
			ignition  | 0.0        | must be true or false, got a number
			dtcCodes  | "P0301"    | must be an array of OBD-II codes like "P0301", got text
			dtcCodes  | 301        | must be an array of OBD-II codes like "P0301", got a number
			faultCode | "E12"      | must be a whole number from 0 to 4294967295, got text
			faultCode | false      | must be a whole number from 0 to 4294967295, got a boolean
			""")
	void rejectsKnownMetricOfTheWrongType(String name, String value, String reason) {
		assertError(onlyError(metric(name, value)), 0, "metrics." + name, Code.WRONG_TYPE, reason);
	}

	@Test
	void rejectsFractionalFaultCode() {
		assertError(onlyError(metric("faultCode", "3.5")), 0, "metrics.faultCode", Code.NOT_AN_INTEGER,
				"must be a whole number from 0 to 4294967295, got 3.5");
	}

	@Test
	void acceptsIgnitionAsBoolean() {
		assertThat(acceptedOne(event("{\"ignition\":false}")).metrics()).containsEntry("ignition", false);
	}

	@Test
	void acceptsValidObdCodes() {
		assertThat(acceptedOne(metric("dtcCodes", "[\"P0301\",\"C1234\",\"B0A1F\",\"U0100\",\"P3FFF\"]")).metrics())
			.containsEntry("dtcCodes", List.of("P0301", "C1234", "B0A1F", "U0100", "P3FFF"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "p0301", "P4301", "P030", "P03011", "X0301", "P030G", "P 301" })
	void rejectsInvalidObdCodes(String code) {
		assertError(onlyError(metric("dtcCodes", "[\"P0300\",\"" + code + "\"]")), 0, "metrics.dtcCodes[1]",
				Code.INVALID_CODE, "\"" + code + "\" is not an OBD-II code like \"P0301\"");
	}

	@Test
	void acceptsNoDtcCodes() {
		assertThat(acceptedOne(metric("dtcCodes", "[]")).metrics()).containsEntry("dtcCodes", List.of());
	}

	@Test
	void listsEveryKnownMetricOfTheContract() {
		assertThat(KnownMetric.values()).extracting(KnownMetric::metricName)
			.containsExactly("speedKph", "lat", "lon", "headingDeg", "altitudeM", "odometerKm", "engineRpm",
					"coolantTempC", "oilPressureKpa", "tirePressureKpa", "fuelLevelPct", "batteryVoltageV", "ignition",
					"accelMps2", "engineHours", "dtcCodes", "pvPowerW", "acPowerW", "gridPowerW", "batterySocPct",
					"batteryPowerW", "dailyYieldKwh", "totalYieldKwh", "inverterTempC", "gridVoltageV",
					"gridFrequencyHz", "faultCode");
		assertThat(KnownMetric.byName("speedKph")).contains(KnownMetric.SPEED_KPH);
		assertThat(KnownMetric.byName("speed")).isEmpty();
	}

	private static String manyMetrics(int count) {
		StringBuilder metrics = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			metrics.append((i > 0) ? "," : "").append("\"m").append(i).append("\":").append(i);
		}
		return metrics.append('}').toString();
	}

}
