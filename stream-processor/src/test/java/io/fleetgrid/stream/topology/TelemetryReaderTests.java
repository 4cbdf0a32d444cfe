package io.fleetgrid.stream.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.EventHeaders;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TelemetryReaderTests {

	@Test
	void readsUtcInstantsLikeInstantParse() {
		for (String text : List.of("2026-06-21T10:00:00Z", "2026-06-21T10:00:00.1Z", "2026-06-21T10:00:00.123Z",
				"2026-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
				"2024-02-29T12:34:56.000123Z", "0001-01-01T00:00:00Z")) {
			assertThat(TelemetryReader.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
		}
	}

	@Test
	void leavesEveryOtherFormToJackson() {
		for (String text : List.of("2026-06-21T10:00:00+02:00", "2026-06-21T10:00Z", "2026-06-21 10:00:00Z",
				"2026-06-21T10:00:00.Z", "2026-06-21T10:00:00.1234567890Z", "2026-02-30T10:00:00Z",
				"2026-06-21T24:00:00Z", "2026-06-21T10:00:60Z", "2026-06-21t10:00:00z", "+12026-06-21T10:00:00Z",
				"2026-6-21T10:00:00.0Z")) {
			assertThat(TelemetryReader.parseUtc(text)).as(text).isNull();
		}
	}

	@Test
	void readsWhatTheContractsReaderReadsAndRejectsWhatItRejects() {
		for (String ts : List.of("2026-06-21T10:00:00.123Z", "2026-06-21T12:00:00.5+02:00", "2026-06-21T10:00:00Z")) {
			byte[] json = ("{\"deviceId\":\"d\",\"tenantId\":\"t\",\"deviceType\":\"VEHICLE\",\"ts\":\"" + ts
					+ "\",\"seq\":3,\"receivedAt\":\"2026-06-21T10:00:01Z\",\"metrics\":{\"speedKph\":50}}")
				.getBytes(StandardCharsets.UTF_8);
			TelemetryEvent expected = JsonSerdes.valueDeserializer(Topics.TELEMETRY)
				.deserialize(Topics.TELEMETRY.name(), json);
			assertThat(TelemetryReader.deserializer().deserialize(Topics.TELEMETRY.name(), json)).as(ts)
				.isEqualTo(expected);
		}
		byte[] invalid = ("{\"deviceId\":\"d\",\"tenantId\":\"t\",\"deviceType\":\"VEHICLE\","
				+ "\"ts\":\"2026-02-30T10:00:00Z\",\"receivedAt\":\"2026-06-21T10:00:01Z\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(
				() -> JsonSerdes.valueDeserializer(Topics.TELEMETRY).deserialize(Topics.TELEMETRY.name(), invalid));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> TelemetryReader.deserializer().deserialize(Topics.TELEMETRY.name(), invalid));
	}

	private static final String TOPIC = Topics.TELEMETRY.name();

	private static final String BASE = "{\"deviceId\":\"d-1\",\"tenantId\":\"t-1\",\"deviceType\":\"VEHICLE\","
			+ "\"ts\":\"2026-06-21T10:00:00.123Z\",\"seq\":3,\"receivedAt\":\"2026-06-21T10:00:01Z\","
			+ "\"metrics\":{\"speedKph\":50.5,\"ignition\":true,\"odometerKm\":1200}}";

	private final Deserializer<TelemetryEvent> databind = TelemetryReader.databindDeserializer();

	private final TelemetryJsonReader reader = (TelemetryJsonReader) TelemetryReader.deserializer();

	@Test
	void readsEveryInputLikeTheDatabindReaderOrFailsWhereItFails() {
		List<String> corpus = new ArrayList<>(List.of(BASE, workloadEvent(0), workloadEvent(12_345),
				new String(ingestEvent(), StandardCharsets.UTF_8)));
		// number forms in metrics
		for (String number : List.of("1e3", "-0", "-0.0", "0", "12345678901234", "1.0", "2.5E+10", "1E-5", "-7",
				"9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890",
				"1e400", "-1e400", "4.9e-325", "0.1000000000000000000000000001", "3.141592653589793238462643383279",
				"2147483648", "-2147483649")) {
			corpus.add(metrics("{\"x\":" + number + "}"));
		}
		// other metric values
		for (String metrics : List.of("{\"t\":\"caf\\u00e9 \\ud83d\\ude00 \\\" \\n\"}", "{\"t\":\"\"}",
				"{\"on\":false,\"off\":true}", "{\"codes\":[\"P0301\",\"P0420\"]}", "{\"codes\":[]}",
				"{\"codes\":[\"a\",1]}", "{\"codes\":[\"a\",null]}", "{\"codes\":[[\"a\"]]}", "{\"o\":{\"b\":1}}",
				"{\"o\":{}}", "{\"n\":null}", "{\"n\":null,\"n\":1}", "{\"n\":1,\"n\":null}",
				"{\"a\":1,\"b\":2,\"a\":3.5}", "{\"\":1}", "{\" \":1}", "{\"\\u0041\":1}", "{}", "null", "[]",
				"[{\"a\":1}]", "\"x\"", "\"\"", "1", "true", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":01}", "{\"a\":'x'}",
				"{\"a\":1")) {
			corpus.add(metrics(metrics));
		}
		corpus.add(BASE.replace(",\"metrics\":{\"speedKph\":50.5,\"ignition\":true,\"odometerKm\":1200}", ""));
		// seq
		for (String seq : List.of("\"abc\"", "\"12\"", "\"\"", "1.0", "1e3", "-1", "-0", "null", "0",
				"9223372036854775807", "9223372036854775808", "true", "[3]", "{}")) {
			corpus.add(BASE.replace("\"seq\":3", "\"seq\":" + seq));
		}
		corpus.add(BASE.replace("\"seq\":3,", ""));
		// deviceType
		for (String type : List.of("\"vehicle\"", "\"Vehicle\"", "\"TRUCK\"", "\"METER\"", "\"BATTERY\"",
				"\"INVERTER\"", "\" VEHICLE\"", "\"\"", "1", "0", "\"1\"", "null", "[\"VEHICLE\"]")) {
			corpus.add(BASE.replace("\"VEHICLE\"", type));
		}
		// instants
		for (String ts : List.of("\"2026-06-21T12:00:00.5+02:00\"", "\"2026-06-21T10:00:00.123456789Z\"",
				"\"2026-02-30T10:00:00Z\"", "\" 2026-06-21T10:00:00Z\"", "\"2026-06-21T10:00:00\"", "\"\"",
				"1718964000", "1718964000.5", "null", "\"yesterday\"", "[2026,6,21]")) {
			corpus.add(BASE.replace("\"2026-06-21T10:00:00.123Z\"", ts));
			corpus.add(BASE.replace("\"2026-06-21T10:00:01Z\"", ts));
		}
		// required text
		for (String id : List.of("\"\"", "\" \"", "null", "123", "true", "{}", "[\"d\"]", "\"d\\u002d1\"",
				"\"\\u00fc\\u00df\"")) {
			corpus.add(BASE.replace("\"d-1\"", id));
			corpus.add(BASE.replace("\"t-1\"", id));
		}
		corpus.add(BASE.replace("\"deviceId\":\"d-1\",", ""));
		corpus.add(BASE.replace("\"tenantId\":\"t-1\",", ""));
		corpus.add(BASE.replace("\"deviceType\":\"VEHICLE\",", ""));
		corpus.add(BASE.replace("\"receivedAt\":\"2026-06-21T10:00:01Z\",", ""));
		// extra, repeated and reordered properties
		corpus.add(BASE.replace("{\"deviceId\"", "{\"extra\":{\"x\":[1,2,{\"y\":null}],\"z\":\"w\"},\"deviceId\""));
		corpus.add(BASE.replace("{\"deviceId\"", "{\"Seq\":\"abc\",\"DEVICEID\":null,\"deviceId\""));
		corpus.add(BASE.replace("}}", "},\"extra\":[1e400,123456789012345678901234567890]}"));
		corpus.add(BASE.replace("{\"deviceId\":\"d-1\"", "{\"deviceId\":\"d-0\",\"deviceId\":\"d-1\""));
		corpus.add(BASE.replace("}}", "},\"deviceId\":\"d-2\"}"));
		corpus.add(BASE.replace("}}", "},\"seq\":4}"));
		corpus.add(BASE.replace("}}", "},\"metrics\":{\"a\":1}}"));
		corpus.add(BASE.replace("}}", "},\"metrics\":null}"));
		corpus.add(BASE.replace("\"seq\":3", "\"seq\":null,\"seq\":3"));
		corpus.add("{\"metrics\":{\"a\":1},\"receivedAt\":\"2026-06-21T10:00:01Z\",\"seq\":0,"
				+ "\"ts\":\"2026-06-21T10:00:00Z\",\"deviceType\":\"METER\",\"tenantId\":\"t\",\"deviceId\":\"d\"}");
		// not an object, not JSON, trailing content
		corpus.addAll(List.of("", " ", "null", "[]", "[" + BASE + "]", "\"x\"", "1", "{}", "{", "{\"deviceId\":\"d\"",
				BASE.substring(0, BASE.length() - 1), BASE + " ", BASE + "\n", BASE + " x", BASE + "}", BASE + "]",
				BASE + BASE, BASE + " {}", BASE + " null", BASE + ",", "{'deviceId':'d'}", "/* c */" + BASE,
				BASE.replace("\"d-1\"", "\"d\u00011\""), " \t\n" + BASE));
		int fast = 0;
		for (String json : corpus) {
			if (assertSameOutcome(json.getBytes(StandardCharsets.UTF_8))) {
				fast++;
			}
		}
		// invalid UTF-8 in a value and in an unknown property
		assertSameOutcome(utf8WithByte(BASE, "d-1", (byte) 0xC3));
		// byte order mark, UTF-16
		assertSameOutcome(("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8));
		assertSameOutcome(BASE.getBytes(StandardCharsets.UTF_16BE));
		assertSameOutcome(utf8WithByte(BASE.replace("}}", "},\"extra\":\"e-1\"}"), "e-1", (byte) 0xFF));
		assertThat(corpus).hasSizeGreaterThan(150);
		assertThat(fast).as("inputs read by the fast path").isGreaterThan(40);
	}

	@Test
	void readsTheEventsIngestAndTheBenchmarkWriteOnTheFastPath() {
		for (byte[] json : List.of(ingestEvent(), workloadEvent(0).getBytes(StandardCharsets.UTF_8),
				workloadEvent(7_777).getBytes(StandardCharsets.UTF_8), BASE.getBytes(StandardCharsets.UTF_8))) {
			TelemetryEvent event = this.reader.readFast(TOPIC, json);
			assertThat(event).isNotNull().isEqualTo(this.databind.deserialize(TOPIC, json));
		}
		TelemetryEvent event = this.reader.readFast(TOPIC, ingestEvent());
		assertThat(event.metrics()).containsExactly(Map.entry("speedKph", 61.5), Map.entry("ignition", true),
				Map.entry("odometerKm", 1200L), Map.entry("driver", "Ana"), Map.entry("dtcCodes", List.of("P0301")));
	}

	@Test
	void readsIntegersAsLongsAndDecimalsAsDoublesLikeDatabind() {
		TelemetryEvent event = read(metrics("{\"i\":7,\"big\":12345678901234,\"d\":1.0,\"e\":1e3,\"z\":-0.0}"));
		assertThat(event.metrics().get("i")).isEqualTo(7L);
		assertThat(event.metrics().get("big")).isEqualTo(12_345_678_901_234L);
		assertThat(event.metrics().get("d")).isEqualTo(1.0);
		assertThat(event.metrics().get("e")).isEqualTo(1000.0);
		assertThat(event.metrics().get("z")).isEqualTo(-0.0);
		assertThat(event.metrics().keySet()).containsExactly("i", "big", "d", "e", "z");
	}

	@Test
	void namesTheTopicAndTheMissingPropertyWhenARequiredOneIsAbsent() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.replace("\"deviceId\":\"d-1\",", "")))
			.withMessageStartingWith("Cannot read fleetgrid.telemetry from topic " + TOPIC + " into TelemetryEvent: ")
			.withMessageContaining("deviceId is required");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.replace("\"ts\":\"2026-06-21T10:00:00.123Z\"", "\"ts\":null")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("ts is required");
	}

	@Test
	void rejectsANegativeSequenceNumberNamingIt() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.replace("\"seq\":3", "\"seq\":-1")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("seq must be >= 0: -1");
	}

	@Test
	void namesThePropertyWhereTheJsonBreaksOff() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.substring(0, BASE.indexOf("\"ignition\""))))
			.withMessageContaining(TOPIC)
			.withMessageContaining("(at metrics)");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> read(BASE + " {}"))
			.withMessageContaining(TOPIC)
			.withMessageContaining("trailing token START_OBJECT");
	}

	@Test
	void namesTheMetricOrPropertyOfAValueOfTheWrongType() {
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> read(metrics("{\"a\":null}")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("metric a must be a number, boolean, text or list of text, found null");
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> read(metrics("[]")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("metrics");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.replace("\"seq\":3", "\"seq\":\"abc\"")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("seq");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> read(BASE.replace("\"VEHICLE\"", "\"TRUCK\"")))
			.withMessageContaining(TOPIC)
			.withMessageContaining("TRUCK");
	}

	@Test
	void rejectsAnEmptyValueWithTheContractsMessageAndReadsNullAsNull() {
		SerializationException expected = catchSerializationException(
				() -> this.databind.deserialize(TOPIC, new RecordHeaders(), new byte[0]));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.reader.deserialize(TOPIC, new RecordHeaders(), new byte[0]))
			.withMessage(expected.getMessage());
		assertThat(this.reader.deserialize(TOPIC, new RecordHeaders(), (byte[]) null)).isNull();
		assertThat(this.reader.deserialize(TOPIC, (byte[]) null)).isNull();
	}

	@Test
	void checksTheTypeAndSchemaVersionHeadersLikeTheContractsReader() {
		byte[] json = BASE.getBytes(StandardCharsets.UTF_8);
		for (String[] header : new String[][] { { EventHeaders.TYPE, "fleetgrid.alert" },
				{ EventHeaders.SCHEMA_VERSION, "not-a-version" }, { EventHeaders.SCHEMA_VERSION, "99.0" } }) {
			Headers headers = new RecordHeaders().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
			SerializationException expected = catchSerializationException(
					() -> this.databind.deserialize(TOPIC, headers, json));
			assertThatExceptionOfType(SerializationException.class)
				.isThrownBy(() -> this.reader.deserialize(TOPIC, headers, json))
				.withMessage(expected.getMessage());
		}
		Headers valid = new RecordHeaders()
			.add(EventHeaders.TYPE, "fleetgrid.telemetry".getBytes(StandardCharsets.UTF_8))
			.add(EventHeaders.SCHEMA_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
		assertThat(this.reader.deserialize(TOPIC, valid, json))
			.isEqualTo(this.databind.deserialize(TOPIC, valid, json));
	}

	/**
	 * Reads through both readers, with and without headers.
	 * @return whether the fast path read it
	 */
	private boolean assertSameOutcome(byte[] json) {
		String description = new String(json, StandardCharsets.UTF_8);
		Object expected = outcome(() -> this.databind.deserialize(TOPIC, new RecordHeaders(), json));
		Object actual = outcome(() -> this.reader.deserialize(TOPIC, new RecordHeaders(), json));
		assertThat(describe(outcome(() -> this.reader.deserialize(TOPIC, json)))).as(description)
			.isEqualTo(describe(actual));
		if (expected instanceof RuntimeException) {
			assertThat(actual).as(description).isInstanceOf(SerializationException.class);
			return false;
		}
		assertThat(actual).as(description).isEqualTo(expected);
		if (actual instanceof TelemetryEvent event) {
			for (Map.Entry<String, Object> metric : event.metrics().entrySet()) {
				assertThat(metric.getValue().getClass()).as(description)
					.isEqualTo(((TelemetryEvent) expected).metrics().get(metric.getKey()).getClass());
			}
			assertThat(new ArrayList<>(event.metrics().keySet())).as(description)
				.isEqualTo(new ArrayList<>(((TelemetryEvent) expected).metrics().keySet()));
		}
		return json.length > 0 && this.reader.readFast(TOPIC, json) != null;
	}

	private static Object outcome(java.util.function.Supplier<TelemetryEvent> read) {
		try {
			TelemetryEvent event = read.get();
			return (event != null) ? event : "null";
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static Object describe(Object outcome) {
		return (outcome instanceof RuntimeException ex) ? ex.getClass().getName() + ": " + ex.getMessage() : outcome;
	}

	private static SerializationException catchSerializationException(Runnable action) {
		try {
			action.run();
		}
		catch (SerializationException ex) {
			return ex;
		}
		throw new AssertionError("no SerializationException");
	}

	private TelemetryEvent read(String json) {
		return this.reader.deserialize(TOPIC, new RecordHeaders(), json.getBytes(StandardCharsets.UTF_8));
	}

	private static String metrics(String metrics) {
		return BASE.substring(0, BASE.indexOf("\"metrics\":") + 10) + metrics + "}";
	}

	private static byte[] utf8WithByte(String json, String in, byte bad) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		int at = json.indexOf(in) + 1;
		byte[] copy = Arrays.copyOf(bytes, bytes.length);
		copy[at] = bad;
		return copy;
	}

	/** A {@code TelemetryEvent} as ingest writes it: the contracts' serializer. */
	private static byte[] ingestEvent() {
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("speedKph", 61.5);
		metrics.put("ignition", true);
		metrics.put("odometerKm", 1200L);
		metrics.put("driver", "Ana");
		metrics.put("dtcCodes", List.of("P0301"));
		TelemetryEvent event = new TelemetryEvent("acme-d1", "acme", DeviceType.VEHICLE,
				Instant.parse("2026-06-21T10:00:00.123Z"), 42L, Instant.parse("2026-06-21T10:00:00.456789Z"),
				MetricValues.copyOf(metrics));
		return JsonSerdes.valueSerializer(Topics.TELEMETRY).serialize(TOPIC, new RecordHeaders(), event);
	}

	/**
	 * The JSON of the stream-processor benchmark's event {@code i} (the shape of
	 * {@code bench.Workload#event} with 1,000 devices).
	 */
	static String workloadEvent(long i) {
		int d = (int) (i % 1_000);
		long n = i / 1_000;
		String ts = Instant.ofEpochMilli(1_782_036_000_000L + i * 7).toString();
		long phase = n + d;
		boolean ignition = (phase % 600) < 590;
		double speed = ignition ? 60 + (phase % 80) : 0;
		double accel = (phase % 20 == 19) ? -6.0 : 0.3;
		double lat = 52 + (d % 1000) * 0.001 + (n % 500) * 0.0002;
		return String.format(Locale.ROOT,
				"{\"deviceId\":\"acme-d%d\",\"tenantId\":\"acme\",\"deviceType\":\"VEHICLE\",\"ts\":\"%s\","
						+ "\"seq\":%d,\"receivedAt\":\"%s\",\"metrics\":{\"speedKph\":%.1f,\"lat\":%.5f,"
						+ "\"lon\":13.00000,\"headingDeg\":0.0,\"ignition\":%b,\"coolantTempC\":90.0,"
						+ "\"fuelLevelPct\":%.1f,\"odometerKm\":%.2f,\"engineRpm\":%.1f,\"accelMps2\":%.1f}}",
				d, ts, n, ts, speed, lat, ignition, 50 - (n % 400) * 0.1, 1000 + n * 0.01, ignition ? 2000.0 : 0.0,
				accel);
	}

}
