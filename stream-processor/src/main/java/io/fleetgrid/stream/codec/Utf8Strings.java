package io.fleetgrid.stream.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the short strings of the state store values (metric and tenant names, alert
 * keys, geofence ids, alert types…) through a small cache of the strings decoded lately,
 * so that the memories read back share one {@link String} per name instead of holding a
 * copy each: with a memory read per event, those copies were about a third of the objects
 * of a decoded memory, allocated per event and kept by the objects that mirror the
 * memories. A string that is not cached costs a hash of its bytes more than before.
 * <p>
 * Shared by all threads without locks: a slot holds an immutable entry, replaced as a
 * whole; a thread that misses another's write only decodes once more.
 */
final class Utf8Strings {

	/** Longer strings (messages, descriptions) are decoded as they are. */
	static final int MAX_CACHED = 48;

	private static final int SLOTS = 4096;

	private static final Entry[] CACHE = new Entry[SLOTS];

	private Utf8Strings() {
	}

	/**
	 * The string of some UTF-8 bytes.
	 * @param bytes where they are
	 * @param from the first
	 * @param length how many
	 * @return the string, the cached instance if an equal one was decoded lately
	 */
	static String decode(byte[] bytes, int from, int length) {
		if (length > MAX_CACHED) {
			return new String(bytes, from, length, StandardCharsets.UTF_8);
		}
		int hash = 1;
		for (int i = from; i < from + length; i++) {
			hash = 31 * hash + bytes[i];
		}
		int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
		Entry entry = CACHE[slot];
		if (entry != null && Arrays.equals(entry.utf8, 0, entry.utf8.length, bytes, from, from + length)) {
			return entry.value;
		}
		byte[] utf8 = Arrays.copyOfRange(bytes, from, from + length);
		String value = new String(utf8, StandardCharsets.UTF_8);
		CACHE[slot] = new Entry(utf8, value);
		return value;
	}

	/** A decoded string and its bytes. */
	private record Entry(byte[] utf8, String value) {
	}

}
