package io.fleetgrid.contracts.serde;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The logical type of an event on the wire: a stable id that names the schema (never a
 * Java class name), the schema's current version, and the record that FleetGrid's own
 * producers write.
 *
 * @param <T> the record type
 * @param id logical type id, lower-case and dotted, for example {@code fleetgrid.alert}
 * @param version the schema version written by this library
 * @param javaType the record written by this library
 */
public record EventType<T>(String id, SchemaVersion version, Class<T> javaType) {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

	public EventType {
		if (id == null || !ID.matcher(id).matches() || id.length() > 100) {
			throw new IllegalArgumentException("type id must be lower-case dotted words, like fleetgrid.alert: " + id);
		}
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(javaType, "javaType");
	}

	/**
	 * Whether a reader of this type can read a record written with the given version: any
	 * version of the same or an older major version (unknown properties are ignored; a
	 * record whose required fields no longer bind still fails on reading).
	 * @param written the version the producer wrote
	 * @return true if readable
	 */
	public boolean canRead(SchemaVersion written) {
		return written.major() <= this.version.major();
	}

}
