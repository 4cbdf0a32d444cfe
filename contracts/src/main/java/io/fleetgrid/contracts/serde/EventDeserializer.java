package io.fleetgrid.contracts.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event of an expected logical type into a record, which may be the contract's
 * record or the consumer's own record with only the fields it needs (unknown properties
 * are ignored).
 * <p>
 * Checks, each failing with a {@link SerializationException} that names the topic, so
 * that the record can be dead-lettered: the {@link EventHeaders#TYPE type} header, if
 * present, must equal the expected type id; the {@link EventHeaders#SCHEMA_VERSION schema
 * version} header, if present, must be readable (its major version not newer than the
 * expected type's); the JSON must bind to the target record. Missing headers are
 * tolerated and mean "the expected type", because Kafka Streams reads state stores and
 * some internal topics without headers. A null value (tombstone) is read as null. Create
 * instances through {@link JsonSerdes}.
 *
 * @param <T> the record type read
 */
public final class EventDeserializer<T> implements Deserializer<T> {

	private final EventType<?> expected;

	private final Class<T> targetType;

	private final ObjectReader reader;

	/**
	 * A deserializer reading values of the logical type {@code expected} into
	 * {@code targetType}.
	 * @param expected the logical type the values must have
	 * @param targetType the record to read into
	 * @param mapper the mapper, normally {@link JsonSerdes#mapper()}
	 */
	public EventDeserializer(EventType<?> expected, Class<T> targetType, JsonMapper mapper) {
		this.expected = expected;
		this.targetType = targetType;
		this.reader = mapper.readerFor(targetType);
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		return read(topic, data);
	}

	@Override
	public T deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		checkHeaders(this.expected, topic, headers);
		return read(topic, data);
	}

	/**
	 * The header checks of {@link #deserialize(String, Headers, byte[])}, for a reader of
	 * the same contract that does not bind through this class: the type header, if
	 * present, must be {@code expected}'s id; the schema version header, if present, must
	 * be readable by {@code expected}.
	 * @param expected the logical type the values must have
	 * @param topic the topic, for the messages
	 * @param headers the record's headers
	 * @throws SerializationException if a header says the value cannot be read as
	 * {@code expected}
	 */
	public static void checkHeaders(EventType<?> expected, String topic, Headers headers) {
		String typeId = EventHeaders.typeId(headers);
		if (typeId != null && !typeId.equals(expected.id())) {
			throw new SerializationException("Record on topic " + topic + " has type '" + printable(typeId)
					+ "' but this reader expects '" + expected.id() + "'");
		}
		String versionText = EventHeaders.schemaVersion(headers);
		if (versionText != null) {
			SchemaVersion version;
			try {
				version = SchemaVersion.parse(versionText);
			}
			catch (IllegalArgumentException ex) {
				throw new SerializationException("Record on topic " + topic + " has an invalid "
						+ EventHeaders.SCHEMA_VERSION + " header '" + printable(versionText) + "'", ex);
			}
			if (!expected.canRead(version)) {
				throw new SerializationException("Record on topic " + topic + " has " + expected.id()
						+ " schema version " + version + ", newer than the supported major version "
						+ expected.version().major() + "; upgrade the FleetGrid contracts library of this reader");
			}
		}
	}

	private T read(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (data.length == 0) {
			throw new SerializationException("Record on topic " + topic + " has an empty value, expected "
					+ this.expected.id() + " JSON (a deletion is a null value, not an empty one)");
		}
		try {
			return this.reader.readValue(data);
		}
		catch (JacksonException ex) {
			String path = ex.getPathReference();
			throw new SerializationException("Cannot read " + this.expected.id() + " from topic " + topic + " into "
					+ this.targetType.getSimpleName() + ": " + ex.getOriginalMessage()
					+ ((path != null) ? " (at " + path + ")" : ""), ex);
		}
		catch (RuntimeException ex) {
			// A record's constructor rejecting the values normally arrives wrapped in a
			// JacksonException; anything else must still be a SerializationException.
			throw new SerializationException("Cannot read " + this.expected.id() + " from topic " + topic + " into "
					+ this.targetType.getSimpleName() + ": " + ex, ex);
		}
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), 100));
		for (int i = 0; i < text.length() && i < 100; i++) {
			char c = text.charAt(i);
			out.append((c < 0x20 || c == 0x7f) ? '?' : c);
		}
		return (text.length() > 100) ? out + "..." : out.toString();
	}

	@Override
	public String toString() {
		return "EventDeserializer[" + this.expected.id() + " " + this.expected.version() + " into "
				+ this.targetType.getName() + "]";
	}

}
