package io.fleetgrid.stream.topology;

import io.fleetgrid.contracts.serde.JsonSerdes;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * JSON serde for the processor's own state records (never on a public topic), with the
 * contracts' mapper so that contract records nested in the state read back unchanged.
 *
 * @param <T> state type
 */
public final class JsonStateSerde<T> implements Serde<T> {

	private final Class<T> type;

	/**
	 * A serde for one state type.
	 * @param type the class to read
	 */
	public JsonStateSerde(Class<T> type) {
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, value) -> {
			if (value == null) {
				return null;
			}
			try {
				return JsonSerdes.mapper().writeValueAsBytes(value);
			}
			catch (JacksonException ex) {
				throw new SerializationException("cannot write " + this.type.getSimpleName() + ": " + ex.getMessage(),
						ex);
			}
		};
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			try {
				return JsonSerdes.mapper().readValue(bytes, this.type);
			}
			catch (JacksonException ex) {
				throw new SerializationException("cannot read " + this.type.getSimpleName() + ": " + ex.getMessage(),
						ex);
			}
		};
	}

}
