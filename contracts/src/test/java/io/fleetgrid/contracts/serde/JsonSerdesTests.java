package io.fleetgrid.contracts.serde;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.SampleEvents;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonSerdesTests {

	static Stream<Arguments> samples() {
		return Stream.of(Arguments.of(Topics.TELEMETRY, SampleEvents.telemetry()),
				Arguments.of(Topics.TELEMETRY_DLT, SampleEvents.deadLetter()),
				Arguments.of(Topics.DEVICES, SampleEvents.vehicle()),
				Arguments.of(Topics.DEVICES, SampleEvents.inverter()),
				Arguments.of(Topics.GEOFENCES, SampleEvents.geofence()),
				Arguments.of(Topics.GEOFENCES, SampleEvents.circularGeofence()),
				Arguments.of(Topics.RULES, SampleEvents.ruleSettings()),
				Arguments.of(Topics.ALERTS, SampleEvents.alert()),
				Arguments.of(Topics.ALERTS, SampleEvents.acknowledgedAlert()),
				Arguments.of(Topics.DEVICE_STATE, SampleEvents.deviceState()),
				Arguments.of(Topics.ROLLUPS, SampleEvents.rollup()), Arguments.of(Topics.TRIPS, SampleEvents.trip()),
				Arguments.of(Topics.NOTIFICATIONS, SampleEvents.notification()),
				Arguments.of(Topics.AUDIT, SampleEvents.audit()), Arguments.of(Topics.LOGS, SampleEvents.log()),
				Arguments.of(Topics.TENANTS, SampleEvents.tenant()));
	}

	@Test
	void samplesCoverEveryTopic() {
		assertThat(samples().map((arguments) -> arguments.get()[0]).distinct())
			.containsExactlyInAnyOrderElementsOf(Topics.all().stream().map((topic) -> (Object) topic).toList());
	}

	@ParameterizedTest
	@MethodSource("samples")
	<V> void roundTripsEveryEventTypeWithHeaders(TopicSpec<String, V> topic, V event) {
		Serde<V> serde = JsonSerdes.valueSerde(topic);
		Headers headers = new RecordHeaders();
		byte[] bytes = serde.serializer().serialize(topic.name(), headers, event);
		assertThat(serde.deserializer().deserialize(topic.name(), headers, bytes)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("samples")
	<V> void roundTripsEveryEventTypeWithoutHeaders(TopicSpec<String, V> topic, V event) {
		Serde<V> serde = JsonSerdes.valueSerde(topic);
		byte[] bytes = serde.serializer().serialize(topic.name(), event);
		assertThat(serde.deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("samples")
	<V> void putsTheLogicalTypeAndSchemaVersionInTheHeaders(TopicSpec<String, V> topic, V event) {
		Headers headers = new RecordHeaders();
		JsonSerdes.valueSerializer(topic).serialize(topic.name(), headers, event);
		EventType<V> type = EventTypes.forTopic(topic);
		assertThat(headers.toArray()).hasSize(2);
		assertThat(EventHeaders.typeId(headers)).isEqualTo(type.id()).startsWith("fleetgrid.");
		assertThat(EventHeaders.schemaVersion(headers)).isEqualTo("1.0");
	}

	@ParameterizedTest
	@MethodSource("samples")
	<V> void writesOnlyTheRecordComponents(TopicSpec<String, V> topic, V event) {
		JsonNode json = JsonSerdes.mapper().readTree(JsonSerdes.valueSerializer(topic).serialize(topic.name(), event));
		assertOnlyComponents(json, event);
	}

	private static void assertOnlyComponents(JsonNode json, Object value) {
		if (value == null || !value.getClass().isRecord() || value instanceof AlertType) {
			return;
		}
		List<String> components = Arrays.stream(value.getClass().getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		assertThat(json.propertyNames()).as(value.getClass().getSimpleName()).isSubsetOf(components);
		for (RecordComponent component : value.getClass().getRecordComponents()) {
			try {
				Object child = component.getAccessor().invoke(value);
				if (json.has(component.getName())) {
					assertOnlyComponents(json.get(component.getName()), child);
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void writesTheAlertContractHeaders() {
		Headers headers = new RecordHeaders();
		JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), headers, SampleEvents.alert());
		assertThat(new String(headers.lastHeader("fleetgrid-type").value(), StandardCharsets.UTF_8))
			.isEqualTo("fleetgrid.alert");
		assertThat(new String(headers.lastHeader("fleetgrid-schema-version").value(), StandardCharsets.UTF_8))
			.isEqualTo("1.0");
	}

	@Test
	void aSerializerWithItsOwnJsonWriterSetsTheSameHeadersAndChecksTheType() {
		EventSerializer<AlertEvent> serializer = new EventSerializer<>(EventTypes.ALERT, AlertEvent.class,
				(alert) -> ("{\"own\":\"" + alert.deviceId() + "\"}").getBytes(StandardCharsets.UTF_8));
		Headers headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, "fleetgrid.telemetry".getBytes(StandardCharsets.UTF_8));

		byte[] json = serializer.serialize(Topics.ALERTS.name(), headers, SampleEvents.alert());

		assertThat(json).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"own\":\"" + SampleEvents.alert().deviceId() + "\"}");
		assertThat(headers.headers(EventHeaders.TYPE)).singleElement()
			.satisfies((header) -> assertThat(header.value()).asString(StandardCharsets.UTF_8)
				.isEqualTo("fleetgrid.alert"));
		assertThat(headers.lastHeader(EventHeaders.SCHEMA_VERSION).value()).asString(StandardCharsets.UTF_8)
			.isEqualTo("1.0");
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Serializer<Object> untyped = (Serializer) serializer;
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> untyped.serialize(Topics.ALERTS.name(), SampleEvents.telemetry()))
			.withMessageContaining("expected " + AlertEvent.class.getName());
	}

	@ParameterizedTest
	@MethodSource("samples")
	<V> void neverPutsAJavaClassNameOnTheWire(TopicSpec<String, V> topic, V event) {
		Headers headers = new RecordHeaders();
		String json = new String(JsonSerdes.valueSerializer(topic).serialize(topic.name(), headers, event),
				StandardCharsets.UTF_8);
		assertThat(json).doesNotContain("io.fleetgrid.contracts").doesNotContain("@class").doesNotContain("@type");
		headers.forEach((header) -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
			.doesNotContain("io.fleetgrid.contracts"));
	}

	@Test
	void replacesTypeHeadersInheritedFromTheInputRecord() {
		Headers headers = new RecordHeaders();
		JsonSerdes.valueSerializer(Topics.TELEMETRY)
			.serialize(Topics.TELEMETRY.name(), headers, SampleEvents.telemetry());
		headers.add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
		JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), headers, SampleEvents.alert());
		assertThat(headers.headers(EventHeaders.TYPE)).singleElement()
			.satisfies((header) -> assertThat(header.value()).asString(StandardCharsets.UTF_8)
				.isEqualTo("fleetgrid.alert"));
		assertThat(headers.headers(EventHeaders.SCHEMA_VERSION)).hasSize(1);
		assertThat(headers.lastHeader("traceparent")).isNotNull();
	}

	@Test
	void writesInstantsAsIso8601TextAndOmitsAbsentFields() {
		String json = new String(
				JsonSerdes.valueSerializer(Topics.ALERTS)
					.serialize(Topics.ALERTS.name(), new RecordHeaders(), SampleEvents.alert()),
				StandardCharsets.UTF_8);
		assertThat(json).contains("\"ts\":\"2026-11-23T10:15:30.123Z\"")
			.contains("\"startedAt\":\"2026-11-23T10:14:00Z\"")
			.contains("\"type\":\"OVERSPEED\"")
			.contains("\"severity\":\"WARNING\"")
			.doesNotContain("endedAt")
			.doesNotContain("acknowledgement")
			.doesNotContain("null");
	}

	@Test
	void writesTheDocumentedShapeOfATelemetryEvent() {
		String json = new String(JsonSerdes.valueSerializer(Topics.TELEMETRY)
			.serialize(Topics.TELEMETRY.name(), SampleEvents.telemetry()), StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("{\"deviceId\":\"veh-0001\",\"tenantId\":\"demo\",\"deviceType\":\"VEHICLE\","
				+ "\"ts\":\"2026-11-23T10:15:30.123Z\",\"seq\":1842,\"receivedAt\":\"2026-11-23T10:15:30.456789Z\","
				+ "\"metrics\":{\"speedKph\":87.5,\"lat\":52.52,\"lon\":13.405,\"ignition\":true,\"engineRpm\":2400,"
				+ "\"dtcCodes\":[\"P0301\",\"P0420\"],\"firmware\":\"4.2.1\"}}");
	}

	@Test
	void readsIntoAConsumerOwnedRecordWithFewerFields() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS)
			.serialize(Topics.ALERTS.name(), new RecordHeaders(), SampleEvents.alert());
		Headers headers = new RecordHeaders();
		JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), headers, SampleEvents.alert());
		Deserializer<AlertView> deserializer = JsonSerdes.valueDeserializer(Topics.ALERTS, AlertView.class);
		assertThat(deserializer.deserialize(Topics.ALERTS.name(), headers, bytes))
			.isEqualTo(new AlertView("al-1", "OVERSPEED", "WARNING", Instant.parse("2026-11-23T10:15:30.123Z")));
	}

	@Test
	void readsAConsumerOwnedRecordThroughAStreamsSerde() {
		Serde<AlertView> serde = JsonSerdes.valueSerde(Topics.ALERTS, AlertView.class);
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThat(serde.deserializer().deserialize(Topics.ALERTS.name(), bytes).alertId()).isEqualTo("al-1");
	}

	@Test
	void ignoresPropertiesItDoesNotKnow() {
		String json = "{\"deviceId\":\"veh-0001\",\"tenantId\":\"demo\",\"deviceType\":\"VEHICLE\","
				+ "\"ts\":\"2026-11-23T10:15:30.123Z\",\"receivedAt\":\"2026-11-23T10:15:31Z\",\"metrics\":{},"
				+ "\"addedInVersion1dot1\":{\"nested\":[1,2]}}";
		TelemetryEvent event = JsonSerdes.valueDeserializer(Topics.TELEMETRY)
			.deserialize(Topics.TELEMETRY.name(), headers("fleetgrid.telemetry", "1.1"), bytes(json));
		assertThat(event.deviceId()).isEqualTo("veh-0001");
		assertThat(event.seq()).isNull();
	}

	@Test
	void readsUnknownAlertTypes() {
		String json = new String(
				JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert()),
				StandardCharsets.UTF_8)
			.replace("OVERSPEED", "BATTERY_THEFT");
		AlertEvent alert = JsonSerdes.valueDeserializer(Topics.ALERTS).deserialize(Topics.ALERTS.name(), bytes(json));
		assertThat(alert.type()).isEqualTo(AlertType.of("BATTERY_THEFT"));
		assertThat(alert.type().isKnown()).isFalse();
	}

	@Test
	void rejectsAWrongTypeId() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.TRIPS).serialize(Topics.TRIPS.name(), SampleEvents.trip());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS)
				.deserialize(Topics.ALERTS.name(), headers("fleetgrid.trip", "1.0"), bytes))
			.withMessage("Record on topic fleetgrid.alerts.v1 has type 'fleetgrid.trip' but this reader expects"
					+ " 'fleetgrid.alert'");
	}

	@Test
	void checksTheTypeOnTheByteBufferPathTheKafkaConsumerUses() {
		ByteBuffer buffer = ByteBuffer
			.wrap(JsonSerdes.valueSerializer(Topics.TRIPS).serialize(Topics.TRIPS.name(), SampleEvents.trip()));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS)
				.deserialize(Topics.ALERTS.name(), headers("fleetgrid.trip", "1.0"), buffer))
			.withMessageContaining("has type 'fleetgrid.trip'");
		ByteBuffer alert = ByteBuffer
			.wrap(JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert()));
		assertThat(JsonSerdes.valueDeserializer(Topics.ALERTS)
			.deserialize(Topics.ALERTS.name(), headers("fleetgrid.alert", "1.0"), alert))
			.isEqualTo(SampleEvents.alert());
	}

	@Test
	void rejectsAJavaClassNameAsTypeId() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS)
				.deserialize(Topics.ALERTS.name(), headers(AlertEvent.class.getName(), "1.0"), bytes))
			.withMessageContaining("has type 'io.fleetgrid.contracts.event.AlertEvent'");
	}

	@Test
	void rejectsANewerMajorVersion() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS)
				.deserialize(Topics.ALERTS.name(), headers("fleetgrid.alert", "2.0"), bytes))
			.withMessage("Record on topic fleetgrid.alerts.v1 has fleetgrid.alert schema version 2.0, newer than the"
					+ " supported major version 1; upgrade the FleetGrid contracts library of this reader");
	}

	@Test
	void acceptsANewerMinorVersion() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThat(JsonSerdes.valueDeserializer(Topics.ALERTS)
			.deserialize(Topics.ALERTS.name(), headers("fleetgrid.alert", "1.7"), bytes))
			.isEqualTo(SampleEvents.alert());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "one", "1.x", "-1", "1.0.0", "0.9" })
	void rejectsAnInvalidVersionHeader(String version) {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS)
				.deserialize(Topics.ALERTS.name(), headers("fleetgrid.alert", version), bytes))
			.withMessageContaining("has an invalid fleetgrid-schema-version header");
	}

	@Test
	void readsValuesWithoutHeadersAsTheTopicsDeclaredType() {
		byte[] bytes = JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert());
		assertThat(JsonSerdes.valueDeserializer(Topics.ALERTS)
			.deserialize("stream-processor-alerts-store-changelog", new RecordHeaders(), bytes))
			.isEqualTo(SampleEvents.alert());
	}

	@Test
	void stillChecksTheJsonOfValuesWithoutHeaders() {
		byte[] tripBytes = JsonSerdes.valueSerializer(Topics.TRIPS).serialize(Topics.TRIPS.name(), SampleEvents.trip());
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerdes.valueDeserializer(Topics.ALERTS).deserialize(Topics.ALERTS.name(), tripBytes))
			.withMessageStartingWith("Cannot read fleetgrid.alert from topic fleetgrid.alerts.v1 into AlertEvent: ")
			.withMessageContaining("\"version\"");
	}

	@Test
	void namesTheMissingRequiredField() {
		String json = new String(
				JsonSerdes.valueSerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), SampleEvents.alert()),
				StandardCharsets.UTF_8)
			.replace("\"alertId\":\"al-1\",", "");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> JsonSerdes.valueDeserializer(Topics.ALERTS).deserialize(Topics.ALERTS.name(), bytes(json)))
			.withMessageContaining("alertId is required");
	}

	@Test
	void passesTombstonesThroughAsNull() {
		Headers headers = new RecordHeaders();
		Serializer<DeviceSnapshot> serializer = JsonSerdes.valueSerializer(Topics.DEVICES);
		assertThat(serializer.serialize(Topics.DEVICES.name(), headers, null)).isNull();
		assertThat(serializer.serialize(Topics.DEVICES.name(), null)).isNull();
		assertThat(headers.toArray()).isEmpty();
		Deserializer<DeviceSnapshot> deserializer = JsonSerdes.valueDeserializer(Topics.DEVICES);
		assertThat(deserializer.deserialize(Topics.DEVICES.name(), headers("fleetgrid.device", "1.0"), (byte[]) null))
			.isNull();
		assertThat(deserializer.deserialize(Topics.DEVICES.name(), headers("fleetgrid.trip", "9.0"), (byte[]) null))
			.isNull();
		assertThat(deserializer.deserialize(Topics.DEVICES.name(), null)).isNull();
		assertThat(JsonSerdes.valueDeserializer(Topics.DEVICES, DeviceView.class)
			.deserialize(Topics.DEVICES.name(), new RecordHeaders(), (byte[]) null)).isNull();
	}

	@Test
	void rejectsAnEmptyValue() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> JsonSerdes.valueDeserializer(Topics.DEVICES).deserialize(Topics.DEVICES.name(), new byte[0]))
			.withMessageContaining("has an empty value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "[]", "\"text\"", "{\"deviceId\":\"a\"} trailing", "{\"deviceId\":1.5e999}" })
	void rejectsMalformedJson(String json) {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> JsonSerdes.valueDeserializer(Topics.DEVICES).deserialize(Topics.DEVICES.name(), bytes(json)))
			.withMessageStartingWith("Cannot read fleetgrid.device from topic fleetgrid.devices.v1");
	}

	@Test
	void rejectsAMissingPrimitiveField() {
		String json = "{\"deviceId\":\"veh-1\",\"tenantId\":\"demo\",\"type\":\"VEHICLE\","
				+ "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> JsonSerdes.valueDeserializer(Topics.DEVICES).deserialize(Topics.DEVICES.name(), bytes(json)))
			.withMessageContaining("active");
	}

	@Test
	void rejectsAnUnknownEnumConstant() {
		String json = new String(
				JsonSerdes.valueSerializer(Topics.DEVICES).serialize(Topics.DEVICES.name(), SampleEvents.vehicle()),
				StandardCharsets.UTF_8)
			.replace("\"VEHICLE\"", "\"CHARGER\"");
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(
					() -> JsonSerdes.valueDeserializer(Topics.DEVICES).deserialize(Topics.DEVICES.name(), bytes(json)))
			.withMessageContaining("CHARGER");
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void refusesToWriteAnotherRecordToATopic() {
		Serializer raw = JsonSerdes.valueSerializer(Topics.ALERTS);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> raw.serialize(Topics.ALERTS.name(), new RecordHeaders(), SampleEvents.trip()))
			.withMessageContaining("Cannot write io.fleetgrid.contracts.event.Trip as fleetgrid.alert");
	}

	@Test
	void keysAreUtf8Strings() {
		Serde<String> keys = JsonSerdes.keySerde(Topics.RULES);
		assertThat(keys.serializer().serialize(Topics.RULES.name(), "demo:*")).isEqualTo(bytes("demo:*"));
		assertThat(JsonSerdes.keyDeserializer(Topics.ALERTS).deserialize(Topics.ALERTS.name(), bytes("veh-ä")))
			.isEqualTo("veh-ä");
		assertThat(JsonSerdes.keySerializer(Topics.ALERTS).serialize(Topics.ALERTS.name(), null)).isNull();
	}

	@Test
	void servesEventTypesOutsideTheCatalogueTopics() {
		Serde<TelemetryEvent> serde = JsonSerdes.serde(EventTypes.TELEMETRY);
		Headers headers = new RecordHeaders();
		byte[] bytes = serde.serializer().serialize("stream-processor-repartition", headers, SampleEvents.telemetry());
		assertThat(EventHeaders.typeId(headers)).isEqualTo("fleetgrid.telemetry");
		assertThat(serde.deserializer().deserialize("stream-processor-repartition", headers, bytes))
			.isEqualTo(SampleEvents.telemetry());
	}

	@Test
	void readsADeviceTypeFromItsName() {
		DeviceView view = JsonSerdes.valueDeserializer(Topics.DEVICES, DeviceView.class)
			.deserialize(Topics.DEVICES.name(), JsonSerdes.valueSerializer(Topics.DEVICES)
				.serialize(Topics.DEVICES.name(), SampleEvents.inverter()));
		assertThat(view).isEqualTo(new DeviceView("inv-0001", DeviceType.INVERTER, false, List.of()));
	}

	private static Headers headers(String type, String version) {
		Headers headers = new RecordHeaders();
		headers.add(EventHeaders.TYPE, bytes(type));
		headers.add(EventHeaders.SCHEMA_VERSION, bytes(version));
		return headers;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** What a notification service might keep of an alert. */
	record AlertView(String alertId, String type, String severity, Instant ts) {
	}

	/** What ingest might keep of a device snapshot. */
	record DeviceView(String deviceId, DeviceType type, boolean active, List<String> tags) {
	}

}
