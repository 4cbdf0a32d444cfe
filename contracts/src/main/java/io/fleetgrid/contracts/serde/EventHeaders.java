package io.fleetgrid.contracts.serde;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka record headers that carry an event's logical type and schema version. Both
 * values are UTF-8 text.
 */
public final class EventHeaders {

	/** Logical type id of the value, for example {@code fleetgrid.alert}. */
	public static final String TYPE = "fleetgrid-type";

	/** Schema version of the value, {@code major.minor}, for example {@code 1.0}. */
	public static final String SCHEMA_VERSION = "fleetgrid-schema-version";

	private EventHeaders() {
	}

	/**
	 * The logical type id in a record's headers.
	 * @param headers record headers, may be null
	 * @return the value of the last {@value #TYPE} header, or null if there is none
	 */
	public static String typeId(Headers headers) {
		return lastValue(headers, TYPE);
	}

	/**
	 * The schema version in a record's headers.
	 * @param headers record headers, may be null
	 * @return the value of the last {@value #SCHEMA_VERSION} header, or null if there is
	 * none
	 */
	public static String schemaVersion(Headers headers) {
		return lastValue(headers, SCHEMA_VERSION);
	}

	/**
	 * Replaces a header (Kafka Streams passes the input record's headers on to the output
	 * record, so a value type header must be replaced, not added).
	 * @param headers record headers
	 * @param name header name
	 * @param value new value
	 */
	static void replace(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String lastValue(Headers headers, String name) {
		if (headers == null) {
			return null;
		}
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
