package io.fleetgrid.contracts.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fleetgrid.contracts.telemetry.ValidationError.Code;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-input suite of the ingest issue: broken JSON, wrong types, NaN/Infinity,
 * huge numbers, deep nesting, a 10 MB body, odd Unicode, missing fields, future ts. Every
 * case must end in a rejection with a clear reason, never in an exception.
 */
class TelemetryValidatorMalformedInputTests extends ValidatorFixture {

	@ParameterizedTest
	@ValueSource(strings = { "{\"ts\":", "{\"ts\" \"x\"}", "{ts: 1}", "{'ts': 1}", "{\"ts\":1,}", "[1,2", "}{",
			"{\"metrics\":{\"a\":tru}}", "{\"a\":01}", "[" + "{\"ts\":1}" + "{\"ts\":2}]", "{\"a\":\"\\x\"}",
			"{\"a\":1e}", "{\"a\":+1}", "{\"a\":.5}" })
	void rejectsBrokenJson(String body) {
		ValidationError error = rejected(body).errors().getLast();
		assertThat(error.index()).isEqualTo(ValidationError.BODY);
		assertThat(error.code()).isEqualTo(Code.MALFORMED_JSON);
		assertThat(error.reason()).startsWith("malformed JSON at line 1, column ").doesNotContain("Source");
	}

	@Test
	void reportsWhereTheJsonBreaks() {
		assertError(onlyError("{\n  \"ts\": " + TS + ",\n  \"metrics\": {\"a\": 1,, }\n}"), ValidationError.BODY, "",
				Code.MALFORMED_JSON, "malformed JSON at line 3, column 22: Unexpected character (','");
	}

	@Test
	void rejectsWrongTypesEverywhere() {
		assertThat(rejected("{\"ts\":true,\"seq\":\"1\",\"deviceId\":[],\"metrics\":7}").errors())
			.extracting(ValidationError::field, ValidationError::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ts", Code.WRONG_TYPE),
					org.assertj.core.groups.Tuple.tuple("seq", Code.WRONG_TYPE),
					org.assertj.core.groups.Tuple.tuple("deviceId", Code.WRONG_TYPE),
					org.assertj.core.groups.Tuple.tuple("metrics", Code.WRONG_TYPE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "NaN", "Infinity", "-Infinity" })
	void rejectsNonFiniteNumberLiterals(String literal) {
		assertError(onlyError(event("{\"speedKph\":" + literal + "}")), 0, "metrics.speedKph", Code.NOT_FINITE,
				literal + " is not allowed; numbers must be finite");
		assertError(onlyError(event("{\"custom\":" + literal + "}")), 0, "metrics.custom", Code.NOT_FINITE,
				literal + " is not allowed");
	}

	@Test
	void rejectsNanTimestamp() {
		assertError(onlyError("{\"ts\":NaN,\"metrics\":{}}"), 0, "ts", Code.INVALID_TIMESTAMP, "got NaN");
	}

	@Test
	void rejectsDecimalTooLargeForADouble() {
		assertError(onlyError(metric("energy", "1e400")), 0, "metrics.energy", Code.NOT_FINITE,
				"1e400 is too large for a 64-bit floating-point number");
	}

	@Test
	void rejectsIntegerTooLargeFor64Bits() {
		assertError(onlyError(metric("energy", "123456789012345678901234567890")), 0, "metrics.energy",
				Code.OUT_OF_RANGE, "123456789012345678901234567890 does not fit in 64 bits");
	}

	@Test
	void rejectsHugeKnownMetric() {
		assertError(onlyError(metric("speedKph", "1e308")), 0, "metrics.speedKph", Code.OUT_OF_RANGE,
				"1e308 is above the maximum 400");
	}

	@Test
	void rejectsNumberWithThousandsOfDigits() {
		assertError(onlyError(metric("energy", "9".repeat(5000))), ValidationError.BODY, "", Code.JSON_LIMIT_EXCEEDED,
				"the JSON exceeds a limit");
	}

	@Test
	void rejectsPropertyNameLongerThanTheParserAllows() {
		// Jackson reports the length at which it noticed, not the full length.
		assertError(onlyError(metric("m".repeat(5000), "1")), ValidationError.BODY, "", Code.JSON_LIMIT_EXCEEDED,
				"exceeds the maximum allowed (1024)");
	}

	@Test
	void acceptsTinyDecimalsThatUnderflowToZero() {
		assertThat(acceptedOne(metric("tiny", "1e-400")).metrics()).containsEntry("tiny", 0.0);
	}

	@Test
	void rejectsDeeplyNestedArrays() {
		String body = "[".repeat(100_000) + "]".repeat(100_000);
		assertError(rejected(body).errors().getLast(), ValidationError.BODY, "", Code.JSON_LIMIT_EXCEEDED,
				"nesting depth (17) exceeds the maximum allowed (16)");
	}

	@Test
	void rejectsDeeplyNestedObjectInAMetric() {
		String body = event("{\"a\":" + "{\"b\":".repeat(50) + "1" + "}".repeat(50) + "}");
		ValidationError error = rejected(body).errors().getLast();
		assertThat(error.code()).isEqualTo(Code.JSON_LIMIT_EXCEEDED);
		assertThat(error.reason()).contains("nesting depth").doesNotContain("StreamReadConstraints");
	}

	@Test
	void rejectsTenMegabyteBodyWithoutParsingIt() {
		byte[] body = new byte[10 * 1024 * 1024];
		Arrays.fill(body, (byte) '[');
		assertError(onlyError(body), ValidationError.BODY, "", Code.BODY_TOO_LARGE,
				"the body has 10485760 bytes; at most 262144 are allowed");
	}

	@Test
	void rejectsInvalidUtf8() {
		byte[] body = metric("name", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"the body is not valid UTF-8: byte 0x22 at offset 56 is not valid after 0xE9 (a continuation byte is expected)");
	}

	@Test
	void rejectsOverlongUtf8Encoding() {
		byte[] body = utf8WithRawBytes(0xC0, 0xAF);
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"the body is not valid UTF-8: byte 0xC0 at offset 36 cannot start a UTF-8 character (overlong encoding)");
	}

	@Test
	void rejectsEncodedSurrogate() {
		byte[] body = utf8WithRawBytes(0xED, 0xA0, 0x80);
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"byte 0xA0 at offset 37 is not valid after 0xED (encoded surrogate)");
	}

	@Test
	void rejectsCodePointBeyondUnicode() {
		byte[] body = utf8WithRawBytes(0xF4, 0x90, 0x80, 0x80);
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"byte 0x90 at offset 37 is not valid after 0xF4 (beyond U+10FFFF)");
	}

	@Test
	void rejectsTruncatedUtf8Character() {
		byte[] text = event("{}").getBytes(StandardCharsets.UTF_8);
		byte[] body = Arrays.copyOf(text, text.length + 2);
		body[text.length] = (byte) 0xE2;
		body[text.length + 1] = (byte) 0x82;
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"the UTF-8 character at offset " + text.length + " is cut off");
	}

	@Test
	void acceptsFourByteUtf8Characters() {
		byte[] body = utf8WithRawBytes(0xF0, 0x9F, 0x9A, 0x9A);
		assertThat(this.validator.validate(body, DEVICE)).isInstanceOfSatisfying(ValidationResult.Accepted.class,
				(accepted) -> assertThat(accepted.events().get(0).metrics()).containsEntry("a", "\uD83D\uDE9A"));
	}

	@Test
	void rejectsUtf16Body() {
		byte[] body = event("{}").getBytes(StandardCharsets.UTF_16LE);
		assertError(onlyError(body), ValidationError.BODY, "", Code.MALFORMED_JSON,
				"a NUL byte at offset 1: the body must be UTF-8 JSON (UTF-16 and UTF-32 are not accepted)");
	}

	@Test
	void acceptsUtf8ByteOrderMark() {
		byte[] text = event("{}").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[text.length + 3];
		body[0] = (byte) 0xEF;
		body[1] = (byte) 0xBB;
		body[2] = (byte) 0xBF;
		System.arraycopy(text, 0, body, 3, text.length);
		assertThat(this.validator.validate(body, DEVICE).accepted()).isTrue();
	}

	@Test
	void rejectsLoneHighSurrogate() {
		assertError(onlyError(metric("note", "\"ab\\ud800\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains an unpaired surrogate U+D800");
	}

	@Test
	void rejectsLoneLowSurrogate() {
		assertError(onlyError(metric("note", "\"\\udc00ab\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains an unpaired surrogate U+DC00");
	}

	@Test
	void rejectsReversedSurrogatePair() {
		assertError(onlyError(metric("note", "\"\\ude00\\ud83d\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains an unpaired surrogate U+DE00");
	}

	@Test
	void acceptsEscapedSurrogatePairAndRawNonAsciiText() {
		assertThat(acceptedOne(event("{\"a\":\"\\ud83d\\ude9a\",\"b\":\"Stra\u00dfe \u5317\u4eac \ud83d\ude9a\"}"))
			.metrics()).containsEntry("a", "\ud83d\ude9a").containsEntry("b", "Stra\u00dfe \u5317\u4eac \ud83d\ude9a");
	}

	@Test
	void rejectsEscapedNul() {
		assertError(onlyError(metric("note", "\"a\\u0000b\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains the control character U+0000");
	}

	@Test
	void rejectsEscapedControlCharacters() {
		assertError(onlyError(metric("note", "\"line\\nbreak\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains the control character U+000A");
		assertError(onlyError(metric("note", "\"\\u009b31m\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains the control character U+009B");
	}

	@Test
	void rejectsNonCharacters() {
		assertError(onlyError(metric("note", "\"\\uffff\"")), 0, "metrics.note", Code.INVALID_TEXT,
				"contains the non-character U+FFFF");
	}

	@Test
	void rejectsRawNulByteInsideText() {
		assertThat(onlyError(metric("note", "\"a\u0000b\"")).code()).isEqualTo(Code.MALFORMED_JSON);
	}

	@Test
	void rejectsRawNulByteOutsideText() {
		assertThat(onlyError(event("{}") + "\u0000").code()).isEqualTo(Code.MALFORMED_JSON);
	}

	@Test
	void rejectsControlCharacterInMetricNameAndEscapesItInTheMessage() {
		ValidationError error = onlyError(metric("sp\\u0007eed", "1"));
		assertError(error, 0, "metrics", Code.INVALID_METRIC_NAME, "metric name \"sp\\u0007eed\" contains U+0007");
		assertThat(error.reason()).doesNotContain("\u0007");
	}

	@Test
	void rejectsUnpairedSurrogateInDeviceIdWithAPrintableMessage() {
		ValidationError error = onlyError("{\"deviceId\":\"veh\\ud800\",\"ts\":" + TS + ",\"metrics\":{}}");
		assertError(error, 0, "deviceId", Code.DEVICE_MISMATCH, "\"veh\\uD800\" is not the authenticated device");
	}

	@Test
	void rejectsMissingFields() {
		assertThat(rejected("{}").errors()).extracting(ValidationError::message)
			.containsExactly("ts: is required: ISO-8601 text like \"2026-11-23T10:15:30.123Z\" or epoch milliseconds",
					"metrics: is required: an object of metric names to values, like {\"speedKph\": 87.5}");
	}

	@Test
	void rejectsFutureTimestamp() {
		assertThat(onlyError("{\"ts\":\"2027-01-01T00:00:00Z\",\"metrics\":{}}").code())
			.isEqualTo(Code.TIMESTAMP_IN_FUTURE);
	}

	@Test
	void neverThrowsOnMutatedOrRandomInput() {
		Random random = new Random(20261123);
		byte[] valid = ("[" + event("{\"speedKph\":87.5,\"lat\":52.52,\"ignition\":true,\"dtcCodes\":[\"P0301\"]}")
				+ ",{\"ts\":1795428930123,\"seq\":4,\"deviceId\":\"veh-0001\",\"metrics\":{\"note\":\"\u00fc\"}}]")
			.getBytes(StandardCharsets.UTF_8);
		byte[] alphabet = "{}[]\":,\\ 0123456789.eE+-tfnuNIaxd\u007f".getBytes(StandardCharsets.ISO_8859_1);
		int rejectedCount = 0;
		for (int run = 0; run < 20_000; run++) {
			byte[] body;
			if (run % 10 == 0) {
				body = new byte[random.nextInt(64)];
				random.nextBytes(body);
			}
			else {
				body = valid.clone();
				int mutations = 1 + random.nextInt(4);
				for (int m = 0; m < mutations; m++) {
					int at = random.nextInt(body.length);
					body[at] = (random.nextBoolean()) ? alphabet[random.nextInt(alphabet.length)]
							: (byte) random.nextInt(256);
				}
			}
			ValidationResult result = this.validator.validate(body, DEVICE);
			if (result instanceof ValidationResult.Rejected rejected) {
				rejectedCount++;
				assertThat(rejected.errors()).isNotEmpty().allSatisfy((error) -> {
					assertThat(error.reason()).isNotBlank();
					assertThat(error.reason()).matches(TelemetryValidatorMalformedInputTests::printable, "printable");
					assertThat(error.field()).matches(TelemetryValidatorMalformedInputTests::printable, "printable");
				});
			}
		}
		assertThat(rejectedCount).isGreaterThan(15_000);
	}

	/**
	 * An event with metric {@code a} whose text consists of the given raw bytes.
	 */
	private static byte[] utf8WithRawBytes(int... raw) {
		byte[] prefix = "{\"ts\":1795428930123,\"metrics\":{\"a\":\"".getBytes(StandardCharsets.UTF_8);
		byte[] suffix = "\"}}".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[prefix.length + raw.length + suffix.length];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		for (int i = 0; i < raw.length; i++) {
			body[prefix.length + i] = (byte) raw[i];
		}
		System.arraycopy(suffix, 0, body, prefix.length + raw.length, suffix.length);
		return body;
	}

	private static boolean printable(String text) {
		return text.chars().noneMatch((c) -> c < 0x20 || Character.isSurrogate((char) c));
	}

}
