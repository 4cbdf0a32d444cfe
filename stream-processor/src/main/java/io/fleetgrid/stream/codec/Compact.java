package io.fleetgrid.stream.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * Compact, lossless encodings for the state store values that are written with every
 * event: variable-length integers (zig-zag, 7 bits a byte), doubles that are short
 * decimals (most telemetry values: 90.0, 61.5, 52.12345) as scaled integers, instants on
 * whole milliseconds as epoch milliseconds, and routes as deltas of 10⁻⁷ degrees.
 * Anything that does not fit a short form (NaN, -0.0, more decimals, sub-millisecond
 * instants) is written in full, so every value reads back bit for bit.
 */
public final class Compact {

	private static final double[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000 };

	/** Short forms only below this magnitude: 10^7 times it stays below 2^53. */
	private static final double MAX_SHORT = 900_000_000;

	/** Tag of a null value. */
	private static final int NULL = 0;

	/** Tag of a value written in full. */
	private static final int FULL = 1;

	/** Tag of the first short form (tags up to {@code SHORT + POWERS.length - 1}). */
	private static final int SHORT = 2;

	/** 10⁻⁷ degrees (about a centimetre): the route's unit. */
	static final double POINT_SCALE = 10_000_000;

	private Compact() {
	}

	/**
	 * Writes a long as a zig-zag variable-length integer (1 byte for -64…63).
	 * @param out where to
	 * @param value the value
	 * @throws IOException from the stream
	 */
	public static void writeVarLong(DataOutput out, long value) throws IOException {
		if (out instanceof ByteArrayDataOutput array) {
			array.writeVarLong(value);
			return;
		}
		long rest = (value << 1) ^ (value >> 63);
		while ((rest & ~0x7FL) != 0) {
			out.writeByte((int) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		out.writeByte((int) rest);
	}

	/**
	 * Puts the bytes {@link #writeVarLong} writes for a value into an array.
	 * @param bytes where to (at least ten bytes free from {@code at})
	 * @param at first index to write
	 * @param value the value
	 * @return the index after the last byte written
	 */
	static int putVarLong(byte[] bytes, int at, long value) {
		long rest = (value << 1) ^ (value >> 63);
		int next = at;
		while ((rest & ~0x7FL) != 0) {
			bytes[next++] = (byte) ((rest & 0x7F) | 0x80);
			rest >>>= 7;
		}
		bytes[next++] = (byte) rest;
		return next;
	}

	/**
	 * Reads a value written by {@link #writeVarLong}.
	 * @param in where from
	 * @return the value
	 * @throws IOException from the stream, or a malformed value
	 */
	public static long readVarLong(DataInput in) throws IOException {
		if (in instanceof ByteArrayDataInput array) {
			return array.readVarLong();
		}
		long rest = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			int b = in.readByte();
			rest |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				return (rest >>> 1) ^ -(rest & 1);
			}
		}
		throw new IOException("variable-length integer longer than 10 bytes");
	}

	/**
	 * Writes an int as a zig-zag variable-length integer.
	 * @param out where to
	 * @param value the value
	 * @throws IOException from the stream
	 */
	public static void writeVarInt(DataOutput out, int value) throws IOException {
		writeVarLong(out, value);
	}

	/**
	 * Reads a value written by {@link #writeVarInt}.
	 * @param in where from
	 * @return the value
	 * @throws IOException from the stream, or a value out of the int range
	 */
	public static int readVarInt(DataInput in) throws IOException {
		long value = readVarLong(in);
		if (value != (int) value) {
			throw new IOException("variable-length integer out of range: " + value);
		}
		return (int) value;
	}

	/**
	 * Writes a count or size (never negative).
	 * @param out where to
	 * @param size the size
	 * @throws IOException from the stream
	 */
	public static void writeSize(DataOutput out, int size) throws IOException {
		writeVarLong(out, size);
	}

	/**
	 * Reads a size written by {@link #writeSize}.
	 * @param in where from
	 * @return the size
	 * @throws IOException from the stream, or a negative size
	 */
	public static int readSize(DataInput in) throws IOException {
		int size = readVarInt(in);
		if (size < 0) {
			throw new IOException("negative size " + size);
		}
		return size;
	}

	/**
	 * Writes a nullable double: a tag byte, then nothing (null), a scaled integer (a
	 * decimal with up to seven places that reads back exactly) or the full eight bytes.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeDouble(DataOutput out, @Nullable Double value) throws IOException {
		if (value == null) {
			out.writeByte(NULL);
			return;
		}
		writeDouble(out, value.doubleValue());
	}

	/**
	 * Writes a double as {@link #writeDouble(DataOutput, Double)} does.
	 * @param out where to
	 * @param value the value
	 * @throws IOException from the stream
	 */
	public static void writeDouble(DataOutput out, double value) throws IOException {
		// One check for all short forms: scaled by 10^7 (below 2^53, so exactly a
		// double),
		// the value must come back bit for bit; then the trailing zeros go, and reading
		// divides the same decimal by a smaller power, which rounds to the same double.
		if (value > -MAX_SHORT && value < MAX_SHORT) {
			long scaled = Math.round(value * POWERS[POWERS.length - 1]);
			if (Double.doubleToRawLongBits(scaled / POWERS[POWERS.length - 1]) == Double.doubleToRawLongBits(value)) {
				int places = POWERS.length - 1;
				while (places > 0 && scaled % 10 == 0) {
					scaled /= 10;
					places--;
				}
				out.writeByte(SHORT + places);
				writeVarLong(out, scaled);
				return;
			}
		}
		out.writeByte(FULL);
		out.writeLong(Double.doubleToRawLongBits(value));
	}

	/**
	 * Reads a value written by {@link #writeDouble(DataOutput, Double)}.
	 * @param in where from
	 * @return the value, or null
	 * @throws IOException from the stream, or an unknown tag
	 */
	public static @Nullable Double readNullableDouble(DataInput in) throws IOException {
		int tag = in.readByte();
		return (tag == NULL) ? null : doubleOf(in, tag);
	}

	/**
	 * Reads a value written by {@link #writeDouble(DataOutput, double)}.
	 * @param in where from
	 * @return the value
	 * @throws IOException from the stream, an unknown tag or a null
	 */
	public static double readDouble(DataInput in) throws IOException {
		int tag = in.readByte();
		if (tag == NULL) {
			throw new IOException("null where a number is required");
		}
		return doubleOf(in, tag);
	}

	private static double doubleOf(DataInput in, int tag) throws IOException {
		if (tag == FULL) {
			return Double.longBitsToDouble(in.readLong());
		}
		int places = tag - SHORT;
		if (places < 0 || places >= POWERS.length) {
			throw new IOException("unknown number tag " + tag);
		}
		return readVarLong(in) / POWERS[places];
	}

	/**
	 * Writes a nullable instant: epoch milliseconds when it has no finer part, else
	 * seconds and nanoseconds.
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeInstant(DataOutput out, @Nullable Instant value) throws IOException {
		if (value == null) {
			out.writeByte(NULL);
		}
		else if (value.getNano() % 1_000_000 == 0 && Math.abs(value.getEpochSecond()) < Long.MAX_VALUE / 2_000) {
			out.writeByte(SHORT);
			writeVarLong(out, value.toEpochMilli());
		}
		else {
			out.writeByte(FULL);
			out.writeLong(value.getEpochSecond());
			out.writeInt(value.getNano());
		}
	}

	/**
	 * Reads a value written by {@link #writeInstant}.
	 * @param in where from
	 * @return the instant, or null
	 * @throws IOException from the stream, or an unknown tag
	 */
	public static @Nullable Instant readInstant(DataInput in) throws IOException {
		int tag = in.readByte();
		return switch (tag) {
			case NULL -> null;
			case SHORT -> Instant.ofEpochMilli(readVarLong(in));
			case FULL -> Instant.ofEpochSecond(in.readLong(), in.readInt());
			default -> throw new IOException("unknown instant tag " + tag);
		};
	}

	/**
	 * Writes a nullable string (length + 1, 0 for null, then UTF-8).
	 * @param out where to
	 * @param value the value, or null
	 * @throws IOException from the stream
	 */
	public static void writeString(DataOutput out, @Nullable String value) throws IOException {
		if (value == null) {
			writeSize(out, 0);
			return;
		}
		if (isAscii(value)) {
			writeSize(out, value.length() + 1);
			out.writeBytes(value);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		writeSize(out, bytes.length + 1);
		out.write(bytes);
	}

	/**
	 * Whether a string is all ASCII, so that its UTF-8 bytes are its chars and
	 * {@link DataOutput#writeBytes} writes them without encoding into a new array first.
	 * @param value the string
	 * @return true if every char is below 0x80
	 */
	public static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads a value written by {@link #writeString}.
	 * @param in where from
	 * @return the string, or null
	 * @throws IOException from the stream
	 */
	public static @Nullable String readString(DataInput in) throws IOException {
		int size = readSize(in);
		if (size == 0) {
			return null;
		}
		if (in instanceof ByteArrayDataInput array) {
			return array.readUtf8(size - 1);
		}
		byte[] bytes = new byte[size - 1];
		in.readFully(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Writes a nullable point: both coordinates as short doubles.
	 * @param out where to
	 * @param value the point, or null
	 * @throws IOException from the stream
	 */
	public static void writePoint(DataOutput out, @Nullable GeoPoint value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			writeDouble(out, value.lat());
			writeDouble(out, value.lon());
		}
	}

	/**
	 * Reads a value written by {@link #writePoint}.
	 * @param in where from
	 * @return the point, or null
	 * @throws IOException from the stream
	 */
	public static @Nullable GeoPoint readPoint(DataInput in) throws IOException {
		return in.readBoolean() ? new GeoPoint(readDouble(in), readDouble(in)) : null;
	}

	/**
	 * Writes a route as the differences between consecutive points in 10⁻⁷ degrees (about
	 * a centimetre; GPS receivers give 5 to 7 places), a byte or two per coordinate along
	 * a route. Coordinates are rounded to that unit: keep the points rounded with
	 * {@link #onRouteScale} so that a route reads back as it was.
	 * @param out where to
	 * @param route the points
	 * @throws IOException from the stream
	 */
	public static void writeRoute(DataOutput out, List<GeoPoint> route) throws IOException {
		EncodedRoute encoded = (route instanceof EncodedRoute ready) ? ready : EncodedRoute.of(route);
		encoded.writeTo(out);
	}

	/**
	 * Reads a route written by {@link #writeRoute}.
	 * @param in where from
	 * @return the points (a route that grows at its end)
	 * @throws IOException from the stream
	 */
	public static EncodedRoute readRoute(DataInput in) throws IOException {
		return EncodedRoute.read(in, readSize(in));
	}

	/**
	 * A coordinate in the route's unit, 10⁻⁷ degrees.
	 * @param degrees the coordinate
	 * @return the nearest whole number of units
	 */
	static long routeUnits(double degrees) {
		return Math.round(degrees * POINT_SCALE);
	}

	/**
	 * A point rounded to 10⁻⁷ degrees, as {@link #writeRoute} keeps it.
	 * @param point the point
	 * @return the point itself if it is on that scale already, else the rounded point
	 */
	public static GeoPoint onRouteScale(GeoPoint point) {
		double lat = Math.round(point.lat() * POINT_SCALE) / POINT_SCALE;
		double lon = Math.round(point.lon() * POINT_SCALE) / POINT_SCALE;
		boolean same = Double.doubleToRawLongBits(lat) == Double.doubleToRawLongBits(point.lat())
				&& Double.doubleToRawLongBits(lon) == Double.doubleToRawLongBits(point.lon());
		return same ? point : new GeoPoint(lat, lon);
	}

}
