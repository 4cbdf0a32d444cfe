/**
 * JSON (de)serialisation of FleetGrid events for Kafka.
 * <h2>Wire format</h2>
 * <ul>
 * <li>Keys are UTF-8 strings (see each topic in {@code Topics}).</li>
 * <li>Values are UTF-8 JSON objects holding the record's fields; absent optional fields
 * are left out; instants are ISO-8601 text in UTC ({@code 2026-11-23T10:15:30.123Z}),
 * dates ISO-8601 ({@code 2026-11-23}), enums their constant names. A deletion on a
 * compacted topic is a null value (tombstone).</li>
 * <li>Every value written by FleetGrid carries two headers, UTF-8 text:
 * {@value io.fleetgrid.contracts.serde.EventHeaders#TYPE} — the logical type id, for
 * example {@code fleetgrid.alert} (never a Java class name) — and
 * {@value io.fleetgrid.contracts.serde.EventHeaders#SCHEMA_VERSION} — the schema version
 * {@code major.minor}, for example {@code 1.0}. The ids and versions are declared in
 * {@link io.fleetgrid.contracts.serde.EventTypes}.</li>
 * </ul>
 * <h2>Reading</h2> A consumer reads a topic's values into the contract's record or into
 * its own record with only the fields it needs; unknown properties are ignored. A value
 * whose type header names another type, whose major schema version is newer than the
 * reader's, or whose JSON does not bind fails with a Kafka
 * {@code SerializationException}, so that the service's error handler can dead-letter it.
 * Missing headers mean "the type this topic declares": Kafka Streams serialises to state
 * stores without headers, so the deserialiser must accept header-less values; the JSON is
 * still checked by binding it.
 * <h2>Versions</h2> Adding optional fields is a minor version; readers of the same major
 * read it (and ignore the new fields). Anything else is a major version; readers of an
 * older major version reject it, readers of a newer major version try to read older
 * majors (a record whose required fields no longer bind still fails cleanly).
 */
package io.fleetgrid.contracts.serde;
