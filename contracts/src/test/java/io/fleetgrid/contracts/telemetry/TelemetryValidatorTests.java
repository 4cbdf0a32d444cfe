package io.fleetgrid.contracts.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.telemetry.ValidationError.Code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TelemetryValidatorTests extends ValidatorFixture {

	@Nested
	class Body {

		@Test
		void acceptsTheContractExample() {
			TelemetryPoint point = acceptedOne("""
					{
					  "ts": "2026-11-23T10:15:30.123Z",
					  "seq": 1842,
					  "metrics": { "speedKph": 87.5, "lat": 52.5200, "lon": 13.4050, "ignition": true }
					}
					""");
			assertThat(point.ts()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
			assertThat(point.seq()).isEqualTo(1842L);
			assertThat(point.metrics()).containsExactly(Map.entry("speedKph", 87.5), Map.entry("lat", 52.52),
					Map.entry("lon", 13.405), Map.entry("ignition", true));
		}

		@Test
		void acceptsBatchOfEventsInBodyOrder() {
			List<TelemetryPoint> events = accepted("[" + event("{\"speedKph\":1}") + ","
					+ "{\"ts\":1795428900000,\"seq\":7,\"metrics\":{\"speedKph\":2}}" + "]");
			assertThat(events).extracting((point) -> point.metrics().get("speedKph")).containsExactly(1L, 2L);
			assertThat(events.get(1).seq()).isEqualTo(7L);
		}

		@Test
		void acceptsBatchOf500Events() {
			assertThat(accepted(batch(500))).hasSize(500);
		}

		@Test
		void rejectsBatchLargerThan500Events() {
			assertError(onlyError(batch(501)), ValidationError.BODY, "", Code.TOO_MANY_EVENTS,
					"the batch has more than 500 events");
		}

		@Test
		void rejectsEmptyBatch() {
			assertError(onlyError("[]"), ValidationError.BODY, "", Code.EMPTY_BATCH, "the batch is empty");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "\n\t " })
		void rejectsEmptyBody(String body) {
			assertError(onlyError(body), ValidationError.BODY, "", Code.EMPTY_BODY, "the body is empty");
		}

		@Test
		void rejectsMissingBody() {
			assertThat(TelemetryValidatorTests.this.validator.validate(null, DEVICE))
				.isEqualTo(new ValidationResult.Rejected(List.of(new ValidationError(ValidationError.BODY, "",
						Code.EMPTY_BODY, "the body is empty; send one event object or an array of events")), false));
		}

		@Test
		void rejectsBodyLargerThan256KiB() {
			byte[] body = new byte[256 * 1024 + 1];
			ValidationError error = onlyError(body);
			assertError(error, ValidationError.BODY, "", Code.BODY_TOO_LARGE,
					"the body has 262145 bytes; at most 262144 are allowed");
		}

		@Test
		void acceptsBodyOfExactly256KiB() {
			String event = event("{\"speedKph\":1}");
			StringBuilder body = new StringBuilder(event);
			while (body.length() < 256 * 1024) {
				body.append(' ');
			}
			body.setLength(256 * 1024);
			assertThat(accepted(body.toString())).hasSize(1);
		}

		@ParameterizedTest
		@ValueSource(strings = { "42", "\"event\"", "true", "null" })
		void rejectsBodyThatIsNeitherObjectNorArray(String body) {
			assertError(onlyError(body), ValidationError.BODY, "", Code.NOT_AN_OBJECT,
					"the body must be an event object or an array of event objects");
		}

		@Test
		void rejectsBatchItemThatIsNotAnObject() {
			assertError(onlyError("[" + event("{}") + ",[1,2]]"), 1, "", Code.NOT_AN_OBJECT,
					"an event must be a JSON object, got an array");
		}

		@Test
		void rejectsWholeBatchWhenOneEventIsInvalid() {
			ValidationResult result = validate("[" + event("{\"speedKph\":10}") + "," + event("{\"speedKph\":512.0}")
					+ "," + event("{\"speedKph\":30}") + "]");
			assertThat(result.accepted()).isFalse();
			assertThat(((ValidationResult.Rejected) result).errors()).singleElement()
				.satisfies((error) -> assertError(error, 1, "metrics.speedKph", Code.OUT_OF_RANGE,
						"512.0 is above the maximum 400"));
		}

		@Test
		void reportsEveryInvalidEventWithItsIndex() {
			ValidationResult.Rejected rejected = rejected("[" + event("{\"lat\":91}") + "," + event("{}") + ","
					+ "{\"metrics\":{}}" + "," + event("{\"lon\":-181}") + "]");
			assertThat(rejected.errors()).extracting(ValidationError::toString)
				.containsExactly("events[0] metrics.lat: 91 is above the maximum 90 (OUT_OF_RANGE)",
						"events[2] ts: is required: ISO-8601 text like \"2026-11-23T10:15:30.123Z\" or epoch milliseconds"
								+ " (MISSING_FIELD)",
						"events[3] metrics.lon: -181 is below the minimum -180 (OUT_OF_RANGE)");
			assertThat(rejected.truncated()).isFalse();
		}

		@Test
		void stopsAfter100ErrorsAndSaysTheListIsTruncated() {
			StringBuilder metrics = new StringBuilder("{");
			for (int i = 0; i < 60; i++) {
				metrics.append((i > 0) ? "," : "").append("\"m").append(i).append("\":null");
			}
			String event = event(metrics.append('}').toString());
			ValidationResult.Rejected rejected = rejected("[" + event + "," + event + "]");
			assertThat(rejected.errors()).hasSize(100);
			assertThat(rejected.truncated()).isTrue();
			assertThat(rejected.errors().get(99))
				.satisfies((error) -> assertError(error, 1, "metrics.m39", Code.WRONG_TYPE, "must not be null"));
		}

		@Test
		void rejectsUnknownTopLevelField() {
			assertError(onlyError("{\"ts\":" + TS + ",\"sequence\":5,\"metrics\":{}}"), 0, "", Code.UNKNOWN_FIELD,
					"unknown field \"sequence\"; an event has only ts, seq, deviceId and metrics");
		}

		@Test
		void rejectsUnknownTopLevelFieldHoldingAnObject() {
			assertError(onlyError("{\"ts\":" + TS + ",\"extra\":{\"a\":[1,{\"b\":2}]},\"metrics\":{}}"), 0, "",
					Code.UNKNOWN_FIELD, "unknown field \"extra\"");
		}

		@Test
		void rejectsDuplicateTopLevelField() {
			assertError(onlyError("{\"ts\":" + TS + ",\"metrics\":{},\"ts\":" + TS + "}"), 0, "ts",
					Code.DUPLICATE_FIELD, "appears more than once");
		}

		@Test
		void rejectsSecondJsonValueAfterTheBody() {
			assertError(onlyError(event("{}") + " " + event("{}")), ValidationError.BODY, "", Code.MALFORMED_JSON,
					"unexpected content after the JSON value");
		}

		@Test
		void validatesPartOfAnArray() {
			byte[] buffer = ("xx" + event("{\"speedKph\":3}") + "yy").getBytes(StandardCharsets.UTF_8);
			ValidationResult result = TelemetryValidatorTests.this.validator.validate(buffer, 2, buffer.length - 4,
					DEVICE);
			assertThat(result.accepted()).isTrue();
		}

		@Test
		void requiresTheAuthenticatedDeviceId() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> TelemetryValidatorTests.this.validator.validate(new byte[] { '{', '}' }, null));
		}

		@Test
		void appliesConfiguredLimits() {
			TelemetryLimits limits = new TelemetryLimits(1024, 2, 3, 8, 5, 2, Duration.ZERO, Duration.ofHours(1), 10);
			TelemetryValidator strict = new TelemetryValidator(Clock.fixed(NOW, ZoneOffset.UTC), limits);
			String body = "[" + event("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}") + "," + event("{\"averyLongName\":1}") + ","
					+ event("{}") + "]";
			ValidationResult.Rejected rejected = (ValidationResult.Rejected) strict
				.validate(body.getBytes(StandardCharsets.UTF_8), DEVICE);
			assertThat(rejected.errors()).extracting(ValidationError::code)
				.containsExactly(Code.TOO_MANY_METRICS, Code.INVALID_METRIC_NAME, Code.TOO_MANY_EVENTS);
			assertThat(strict
				.validate("{\"ts\":\"2026-11-23T09:00:00Z\",\"metrics\":{}}".getBytes(StandardCharsets.UTF_8), DEVICE))
				.isInstanceOfSatisfying(ValidationResult.Rejected.class,
						(result) -> assertThat(result.errors()).singleElement()
							.satisfies((error) -> assertError(error, 0, "ts", Code.TIMESTAMP_TOO_OLD,
									"is more than 1 hour before the server clock")));
			assertThat(strict.validate(metric("t", "\"123456\"").getBytes(StandardCharsets.UTF_8), DEVICE))
				.isInstanceOfSatisfying(ValidationResult.Rejected.class,
						(result) -> assertThat(result.errors()).extracting(ValidationError::code)
							.containsExactly(Code.TOO_LONG));
		}

		@Test
		void turnsAPointIntoTheEnrichedTopicEvent() {
			TelemetryPoint point = acceptedOne("{\"ts\":" + TS + ",\"seq\":3,\"metrics\":{\"speedKph\":5}}");
			TelemetryEvent event = point.toEvent(DEVICE, "demo", DeviceType.VEHICLE, NOW);
			assertThat(event).isEqualTo(new TelemetryEvent(DEVICE, "demo", DeviceType.VEHICLE,
					Instant.parse("2026-11-23T10:15:30.123Z"), 3L, NOW, Map.of("speedKph", 5L)));
		}

		private static String batch(int size) {
			StringBuilder body = new StringBuilder("[");
			for (int i = 0; i < size; i++) {
				body.append((i > 0) ? "," : "").append("{\"ts\":").append(TS).append(",\"seq\":").append(i);
				body.append(",\"metrics\":{\"speedKph\":50.5}}");
			}
			return body.append(']').toString();
		}

	}

	@Nested
	class Timestamp {

		@Test
		void rejectsMissingTs() {
			assertError(onlyError("{\"metrics\":{}}"), 0, "ts", Code.MISSING_FIELD, "is required");
		}

		@Test
		void rejectsNullTs() {
			assertError(onlyError("{\"ts\":null,\"metrics\":{}}"), 0, "ts", Code.MISSING_FIELD,
					"must be ISO-8601 text or epoch milliseconds, got null");
		}

		@ParameterizedTest
		@ValueSource(strings = { "true", "{}", "[1795428900000]" })
		void rejectsTsOfWrongType(String ts) {
			assertError(onlyError("{\"ts\":" + ts + ",\"metrics\":{}}"), 0, "ts", Code.WRONG_TYPE,
					"must be ISO-8601 text or epoch milliseconds, got ");
		}

		@Test
		void acceptsEpochMilliseconds() {
			assertThat(acceptedOne("{\"ts\":1795428930123,\"metrics\":{}}").ts())
				.isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-11-23T11:15:30.123+01:00", "2026-11-23T05:15:30.123-05:00",
				"2026-11-23t10:15:30.123z", "2026-11-23T10:15:30.123000000Z", "2026-11-23T10:15:30.123+00:00" })
		void acceptsIsoTimestampsWithAnyZoneAndPrecision(String ts) {
			assertThat(acceptedOne("{\"ts\":\"" + ts + "\",\"metrics\":{}}").ts())
				.isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
		}

		@Test
		void keepsNanosecondPrecision() {
			assertThat(acceptedOne("{\"ts\":\"2026-11-23T10:15:30.123456789Z\",\"metrics\":{}}").ts().getNano())
				.isEqualTo(123_456_789);
		}

		@ParameterizedTest
		@ValueSource(strings = { "yesterday", "2026-11-23", "2026-11-23 10:15:30Z", "2026-11-23T10:15:30",
				"2026-11-23T10:15Z", "2026-02-29T10:15:30Z", "2026-11-23T24:00:00Z", "2026-11-23T10:15:60Z",
				"2026-11-23T10:15:30.Z", "2026-11-23T10:15:30.1234567891Z", "2026-11-23T10:15:30+0100",
				"2026-11-23T10:15:30+19:00", "+2026-11-23T10:15:30Z", "1795428930123", "" })
		void rejectsTsThatIsNotAnIsoInstant(String ts) {
			assertError(onlyError("{\"ts\":\"" + ts + "\",\"metrics\":{}}"), 0, "ts", Code.INVALID_TIMESTAMP,
					"\"" + ts + "\" is not an ISO-8601 timestamp like \"2026-11-23T10:15:30.123Z\"");
		}

		@Test
		void rejectsFractionalEpochMilliseconds() {
			assertError(onlyError("{\"ts\":1795428930123.5,\"metrics\":{}}"), 0, "ts", Code.INVALID_TIMESTAMP,
					"must be ISO-8601 text or whole epoch milliseconds, got 1795428930123.5");
		}

		@Test
		void acceptsTsExactlyFiveMinutesAhead() {
			assertThat(accepted("{\"ts\":\"2026-11-23T10:21:00Z\",\"metrics\":{}}")).hasSize(1);
		}

		@Test
		void rejectsTsMoreThanFiveMinutesInTheFuture() {
			assertError(onlyError("{\"ts\":\"2026-11-23T10:21:00.001Z\",\"metrics\":{}}"), 0, "ts",
					Code.TIMESTAMP_IN_FUTURE,
					"2026-11-23T10:21:00.001Z is 300.001 s ahead of the server clock (2026-11-23T10:16:00Z);"
							+ " at most 5 minutes are allowed: check the device's clock");
		}

		@Test
		void rejectsTsFarInTheFutureGivenAsEpochMillis() {
			assertError(onlyError("{\"ts\":" + Long.MAX_VALUE + ",\"metrics\":{}}"), 0, "ts", Code.TIMESTAMP_IN_FUTURE,
					"ahead of the server clock");
		}

		@Test
		void rejectsNegativeEpochMilliseconds() {
			assertError(onlyError("{\"ts\":-1,\"metrics\":{}}"), 0, "ts", Code.TIMESTAMP_TOO_OLD,
					"must not be negative, got -1");
		}

		@Test
		void acceptsTsThirtyDaysOld() {
			assertThat(accepted("{\"ts\":\"2026-10-24T10:16:00Z\",\"metrics\":{}}")).hasSize(1);
		}

		@Test
		void rejectsTsMoreThanThirtyDaysOld() {
			assertError(onlyError("{\"ts\":\"2026-10-24T10:15:59.999Z\",\"metrics\":{}}"), 0, "ts",
					Code.TIMESTAMP_TOO_OLD,
					"2026-10-24T10:15:59.999Z is more than 30 days before the server clock (2026-11-23T10:16:00Z)");
		}

		@Test
		void rejectsUnsetDeviceClock() {
			assertError(onlyError("{\"ts\":\"1970-01-01T00:00:00Z\",\"metrics\":{}}"), 0, "ts", Code.TIMESTAMP_TOO_OLD,
					"is more than 30 days before the server clock");
		}

		@Test
		void hintsAtEpochSecondsWhenTsLooksLikeSeconds() {
			assertError(onlyError("{\"ts\":1795428930,\"metrics\":{}}"), 0, "ts", Code.TIMESTAMP_TOO_OLD,
					"it looks like epoch seconds, but ts takes epoch milliseconds");
		}

		@Test
		void rejectsEpochMillisecondsBeyond64Bits() {
			assertError(onlyError("{\"ts\":99999999999999999999,\"metrics\":{}}"), 0, "ts", Code.INVALID_TIMESTAMP,
					"99999999999999999999 is not a valid epoch milliseconds value");
		}

	}

	@Nested
	class Sequence {

		@ParameterizedTest
		@ValueSource(longs = { 0, 1, Long.MAX_VALUE })
		void acceptsNonNegativeSeq(long seq) {
			assertThat(acceptedOne("{\"ts\":" + TS + ",\"seq\":" + seq + ",\"metrics\":{}}").seq()).isEqualTo(seq);
		}

		@Test
		void treatsAbsentAndNullSeqAsNone() {
			assertThat(acceptedOne(event("{}")).seq()).isNull();
			assertThat(acceptedOne("{\"ts\":" + TS + ",\"seq\":null,\"metrics\":{}}").seq()).isNull();
		}

		@Test
		void rejectsNegativeSeq() {
			assertError(onlyError("{\"ts\":" + TS + ",\"seq\":-5,\"metrics\":{}}"), 0, "seq", Code.OUT_OF_RANGE,
					"must not be negative, got -5");
		}

		@Test
		void rejectsFractionalSeq() {
			assertError(onlyError("{\"ts\":" + TS + ",\"seq\":1.5,\"metrics\":{}}"), 0, "seq", Code.NOT_AN_INTEGER,
					"must be a whole number, got 1.5");
		}

		@Test
		void rejectsSeqAsText() {
			assertError(onlyError("{\"ts\":" + TS + ",\"seq\":\"17\",\"metrics\":{}}"), 0, "seq", Code.WRONG_TYPE,
					"must be a whole number, got text");
		}

		@Test
		void rejectsSeqBeyond64Bits() {
			assertError(onlyError("{\"ts\":" + TS + ",\"seq\":9223372036854775808,\"metrics\":{}}"), 0, "seq",
					Code.OUT_OF_RANGE, "9223372036854775808 does not fit in 64 bits");
		}

	}

	@Nested
	class DeviceId {

		@Test
		void acceptsTheAuthenticatedDeviceId() {
			assertThat(accepted("{\"deviceId\":\"veh-0001\",\"ts\":" + TS + ",\"metrics\":{}}")).hasSize(1);
		}

		@Test
		void treatsNullDeviceIdAsAbsent() {
			assertThat(accepted("{\"deviceId\":null,\"ts\":" + TS + ",\"metrics\":{}}")).hasSize(1);
		}

		@Test
		void rejectsAnotherDevicesId() {
			assertError(onlyError("{\"deviceId\":\"veh-0002\",\"ts\":" + TS + ",\"metrics\":{}}"), 0, "deviceId",
					Code.DEVICE_MISMATCH, "\"veh-0002\" is not the authenticated device \"veh-0001\"");
		}

		@Test
		void rejectsDeviceIdThatDiffersOnlyInCase() {
			assertError(onlyError("{\"deviceId\":\"VEH-0001\",\"ts\":" + TS + ",\"metrics\":{}}"), 0, "deviceId",
					Code.DEVICE_MISMATCH, "is not the authenticated device");
		}

		@Test
		void rejectsNonTextDeviceId() {
			assertError(onlyError("{\"deviceId\":1,\"ts\":" + TS + ",\"metrics\":{}}"), 0, "deviceId", Code.WRONG_TYPE,
					"must be text, got a number");
		}

	}

}
