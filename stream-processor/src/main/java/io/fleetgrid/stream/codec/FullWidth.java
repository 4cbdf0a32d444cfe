package io.fleetgrid.stream.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

import io.fleetgrid.contracts.event.GeoPoint;

/**
 * The fixed-width nullable fields of device-memory formats 1 to 3 and of their rollup
 * windows (a presence byte, then the value in full), still read from changelogs written
 * before format 4 ({@link Compact}) and still used where format 4 kept them (the active
 * alerts).
 */
public final class FullWidth {

	private FullWidth() {
	}

	/**
	 * Writes a nullable instant: a presence byte, then epoch seconds and nanoseconds.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeInstant(DataOutput out, Instant value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeLong(value.getEpochSecond());
			out.writeInt(value.getNano());
		}
	}

	/**
	 * Reads a value written by {@link #writeInstant}.
	 * @param in where from
	 * @return the value, or null
	 * @throws IOException from the stream
	 */
	public static Instant readInstant(DataInput in) throws IOException {
		return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
	}

	/**
	 * Writes a nullable double: a presence byte, then its eight bytes.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeDouble(DataOutput out, Double value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeDouble(value);
		}
	}

	/**
	 * Reads a value written by {@link #writeDouble}.
	 * @param in where from
	 * @return the value, or null
	 * @throws IOException from the stream
	 */
	public static Double readDouble(DataInput in) throws IOException {
		return in.readBoolean() ? in.readDouble() : null;
	}

	/**
	 * Writes a nullable long: a presence byte, then its eight bytes.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeLong(DataOutput out, Long value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeLong(value);
		}
	}

	/**
	 * Reads a value written by {@link #writeLong}.
	 * @param in where from
	 * @return the value, or null
	 * @throws IOException from the stream
	 */
	public static Long readLong(DataInput in) throws IOException {
		return in.readBoolean() ? in.readLong() : null;
	}

	/**
	 * Writes a nullable point: a presence byte, then latitude and longitude in eight
	 * bytes each.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writePoint(DataOutput out, GeoPoint value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeDouble(value.lat());
			out.writeDouble(value.lon());
		}
	}

	/**
	 * Reads a value written by {@link #writePoint}.
	 * @param in where from
	 * @return the value, or null
	 * @throws IOException from the stream
	 */
	public static GeoPoint readPoint(DataInput in) throws IOException {
		return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
	}

}
