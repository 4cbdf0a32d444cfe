package io.fleetgrid.contracts.serde;

import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event as JSON and, when the record has headers, sets the
 * {@link EventHeaders#TYPE type} and {@link EventHeaders#SCHEMA_VERSION schema version}
 * headers (replacing any present). Null values (tombstones) are written as null, without
 * headers. Create instances through {@link JsonSerdes}.
 *
 * @param <T> the record type written
 */
public final class EventSerializer<T> implements Serializer<T> {

	private final EventType<?> type;

	private final Class<T> javaType;

	private final Function<? super T, byte[]> body;

	/**
	 * A serializer writing records of {@code javaType} as values of the logical type
	 * {@code type}.
	 * @param type the logical type announced in the headers
	 * @param javaType the record class written (normally {@code type.javaType()})
	 * @param mapper the mapper, normally {@link JsonSerdes#mapper()}
	 */
	public EventSerializer(EventType<?> type, Class<T> javaType, JsonMapper mapper) {
		this(type, javaType, mapper.writerFor(javaType)::writeValueAsBytes);
	}

	/**
	 * A serializer whose JSON comes from a writer of the producer's own (a hand-written
	 * writer on a hot path), with the same headers and checks. The writer must write what
	 * {@link JsonSerdes#mapper()} writes for the record.
	 * @param type the logical type announced in the headers
	 * @param javaType the record class written
	 * @param body writes a record's JSON
	 */
	public EventSerializer(EventType<?> type, Class<T> javaType, Function<? super T, byte[]> body) {
		this.type = type;
		this.javaType = javaType;
		this.body = body;
	}

	@Override
	public byte[] serialize(String topic, T data) {
		return write(topic, data);
	}

	@Override
	public byte[] serialize(String topic, Headers headers, T data) {
		if (data == null) {
			return null;
		}
		byte[] bytes = write(topic, data);
		if (headers != null) {
			EventHeaders.replace(headers, EventHeaders.TYPE, this.type.id());
			EventHeaders.replace(headers, EventHeaders.SCHEMA_VERSION, this.type.version().toString());
		}
		return bytes;
	}

	private byte[] write(String topic, T data) {
		if (data == null) {
			return null;
		}
		if (!this.javaType.isInstance(data)) {
			throw new SerializationException("Cannot write " + data.getClass().getName() + " as " + this.type.id()
					+ " to topic " + topic + ": expected " + this.javaType.getName());
		}
		try {
			return this.body.apply(data);
		}
		catch (JacksonException ex) {
			throw new SerializationException(
					"Cannot write " + this.type.id() + " to topic " + topic + ": " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "EventSerializer[" + this.type.id() + " " + this.type.version() + " from " + this.javaType.getName()
				+ "]";
	}

}
