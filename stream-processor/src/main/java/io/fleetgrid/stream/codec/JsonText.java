package io.fleetgrid.stream.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * JSON values written as the contracts' mapper writes them, for the hand-written writers
 * of the processor's most frequent outputs: strings escaped as Jackson escapes them,
 * instants as ISO-8601 text, numbers as Java prints them, maps in their entries' order
 * with null values written as {@code null}.
 */
public final class JsonText {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/** Epoch second of 0000-01-01T00:00:00Z: four-digit years from here on. */
	private static final long YEAR_0 = -62_167_219_200L;

	/** Epoch second of 10000-01-01T00:00:00Z. */
	private static final long YEAR_10000 = 253_402_300_800L;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private JsonText() {
	}

	/**
	 * A JSON value of the types the contracts allow in open maps (text, boolean, the
	 * primitive wrappers' numbers, lists, maps with text keys, null).
	 * @param out where to
	 * @param value the value
	 * @throws UnsupportedValueException for any other type (a {@code BigDecimal}, for
	 * example), which the caller leaves to the mapper
	 */
	public static void value(ByteArrayDataOutput out, Object value) {
		switch (value) {
			case null -> out.writeBytes("null");
			case String text -> string(out, text);
			case Boolean on -> out.writeBytes(on ? "true" : "false");
			case Double number -> out.writeBytes(Double.toString(number));
			case Float number -> out.writeBytes(Float.toString(number));
			case Long number -> out.writeBytes(Long.toString(number));
			case Integer number -> out.writeBytes(Integer.toString(number));
			case Short number -> out.writeBytes(Short.toString(number));
			case Byte number -> out.writeBytes(Byte.toString(number));
			case List<?> items -> {
				out.write('[');
				for (int i = 0; i < items.size(); i++) {
					if (i > 0) {
						out.write(',');
					}
					value(out, items.get(i));
				}
				out.write(']');
			}
			case Map<?, ?> map -> object(out, map);
			default -> throw new UnsupportedValueException(value);
		}
	}

	/**
	 * A JSON object of a map with text keys, in the map's order.
	 * @param out where to
	 * @param map the map
	 * @throws UnsupportedValueException for a value {@link #value} does not write, or a
	 * key that is not text
	 */
	public static void object(ByteArrayDataOutput out, Map<?, ?> map) {
		out.write('{');
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new UnsupportedValueException(entry.getKey());
			}
			if (!first) {
				out.write(',');
			}
			first = false;
			string(out, key);
			out.write(':');
			value(out, entry.getValue());
		}
		out.write('}');
	}

	/**
	 * An instant as {@link Instant#toString()} writes it (ISO-8601, UTC, the fraction in
	 * groups of three digits as needed), without its formatter for years 0 to 9999.
	 * @param out where to
	 * @param value the instant
	 */
	public static void instant(ByteArrayDataOutput out, Instant value) {
		long seconds = value.getEpochSecond();
		if (seconds < YEAR_0 || seconds >= YEAR_10000) {
			string(out, value.toString());
			return;
		}
		LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
		out.write('"');
		digits(out, time.getYear(), 4);
		out.write('-');
		digits(out, time.getMonthValue(), 2);
		out.write('-');
		digits(out, time.getDayOfMonth(), 2);
		out.write('T');
		digits(out, time.getHour(), 2);
		out.write(':');
		digits(out, time.getMinute(), 2);
		out.write(':');
		digits(out, time.getSecond(), 2);
		int nano = value.getNano();
		if (nano != 0) {
			out.write('.');
			if (nano % 1_000_000 == 0) {
				digits(out, nano / 1_000_000, 3);
			}
			else if (nano % 1_000 == 0) {
				digits(out, nano / 1_000, 6);
			}
			else {
				digits(out, nano, 9);
			}
		}
		out.writeBytes("Z\"");
	}

	/** A number as exactly {@code count} decimal digits, zero-padded. */
	private static void digits(ByteArrayDataOutput out, int value, int count) {
		for (int divisor = POWERS_OF_TEN[count - 1]; divisor > 0; divisor /= 10) {
			out.write('0' + value / divisor % 10);
		}
	}

	/**
	 * A JSON string: quotes, backslash and control characters escaped, the rest UTF-8.
	 * @param out where to
	 * @param value the text
	 * @throws IllegalArgumentException for an unpaired surrogate
	 */
	public static void string(ByteArrayDataOutput out, String value) {
		int length = value.length();
		out.write('"');
		int i = 0;
		while (i < length) {
			char c = value.charAt(i++);
			if (c < 0x80) {
				if (c >= 0x20 && c != '"' && c != '\\') {
					out.write(c);
				}
				else {
					escape(out, c);
				}
			}
			else if (c < 0x800) {
				out.write(0xC0 | (c >> 6));
				out.write(0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(value.charAt(i))) {
				int code = Character.toCodePoint(c, value.charAt(i++));
				out.write(0xF0 | (code >> 18));
				out.write(0x80 | ((code >> 12) & 0x3F));
				out.write(0x80 | ((code >> 6) & 0x3F));
				out.write(0x80 | (code & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException("unpaired surrogate in text at index " + (i - 1));
			}
			else {
				out.write(0xE0 | (c >> 12));
				out.write(0x80 | ((c >> 6) & 0x3F));
				out.write(0x80 | (c & 0x3F));
			}
		}
		out.write('"');
	}

	private static void escape(ByteArrayDataOutput out, char c) {
		out.write('\\');
		switch (c) {
			case '"', '\\' -> out.write(c);
			case '\n' -> out.write('n');
			case '\r' -> out.write('r');
			case '\t' -> out.write('t');
			case '\b' -> out.write('b');
			case '\f' -> out.write('f');
			default -> {
				out.writeBytes("u00");
				out.write(HEX[c >> 4]);
				out.write(HEX[c & 0xF]);
			}
		}
	}

	/**
	 * A value of a type {@link JsonText} does not write; the caller writes the whole
	 * record with the mapper instead.
	 */
	public static final class UnsupportedValueException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		UnsupportedValueException(Object value) {
			super("not written by JsonText: " + ((value != null) ? value.getClass().getName() : "null"));
		}

	}

}
