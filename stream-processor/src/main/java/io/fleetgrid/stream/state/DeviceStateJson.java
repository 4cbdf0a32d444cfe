package io.fleetgrid.stream.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;

/**
 * Writes a {@link DeviceState} as the contracts' mapper ({@link JsonSerdes#mapper()})
 * does, byte for byte: properties in the record's order, absent values left out, instants
 * as ISO-8601 text, numbers as Java prints them, strings escaped as Jackson escapes them.
 * The processor publishes a state per device every few seconds, with 100,000 devices
 * about one per event; databind's per-property lookups made that a noticeable part of an
 * event (BENCHMARKS.md). A test holds it to the mapper's bytes.
 */
public final class DeviceStateJson {

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	/** Epoch second of 0000-01-01T00:00:00Z: four-digit years from here on. */
	private static final long YEAR_0 = -62_167_219_200L;

	/** Epoch second of 10000-01-01T00:00:00Z. */
	private static final long YEAR_10000 = 253_402_300_800L;

	private static final ThreadLocal<Out> PER_THREAD = ThreadLocal.withInitial(Out::new);

	private DeviceStateJson() {
	}

	/**
	 * The state's JSON.
	 * @param state the state
	 * @return UTF-8 JSON
	 */
	public static byte[] write(DeviceState state) {
		Out out = PER_THREAD.get();
		out.size = 0;
		out.raw("{\"deviceId\":");
		out.string(state.deviceId());
		out.raw(",\"tenantId\":");
		out.string(state.tenantId());
		out.raw(",\"deviceType\":");
		out.string(state.deviceType().name());
		out.raw(",\"lastSeen\":");
		out.instant(state.lastSeen());
		GeoPoint position = state.position();
		if (position != null) {
			out.raw(",\"position\":{\"lat\":");
			out.raw(Double.toString(position.lat()));
			out.raw(",\"lon\":");
			out.raw(Double.toString(position.lon()));
			out.raw("}");
		}
		number(out, ",\"speedKph\":", state.speedKph());
		number(out, ",\"headingDeg\":", state.headingDeg());
		if (state.ignition() != null) {
			out.raw(state.ignition() ? ",\"ignition\":true" : ",\"ignition\":false");
		}
		number(out, ",\"fuelLevelPct\":", state.fuelLevelPct());
		number(out, ",\"batterySocPct\":", state.batterySocPct());
		number(out, ",\"pvPowerW\":", state.pvPowerW());
		out.raw(",\"activeAlerts\":[");
		List<AlertType> alerts = state.activeAlerts();
		for (int i = 0; i < alerts.size(); i++) {
			if (i > 0) {
				out.raw(",");
			}
			out.string(alerts.get(i).name());
		}
		out.raw("],\"metrics\":{");
		boolean first = true;
		for (Map.Entry<String, Object> metric : state.metrics().entrySet()) {
			if (!first) {
				out.raw(",");
			}
			first = false;
			out.string(metric.getKey());
			out.raw(":");
			value(out, metric.getValue());
		}
		out.raw("},\"updatedAt\":");
		out.instant(state.updatedAt());
		out.raw("}");
		return Arrays.copyOf(out.bytes, out.size);
	}

	private static void number(Out out, String property, Double value) {
		if (value != null) {
			out.raw(property);
			out.raw(Double.toString(value));
		}
	}

	/**
	 * A metric value: the types {@link io.fleetgrid.contracts.event.MetricValues} holds.
	 */
	private static void value(Out out, Object value) {
		switch (value) {
			case String text -> out.string(text);
			case Boolean on -> out.raw(on ? "true" : "false");
			case Double number -> out.raw(Double.toString(number));
			case Float number -> out.raw(Float.toString(number));
			case Long number -> out.raw(Long.toString(number));
			case Integer number -> out.raw(Integer.toString(number));
			case List<?> items -> {
				out.raw("[");
				for (int i = 0; i < items.size(); i++) {
					if (i > 0) {
						out.raw(",");
					}
					out.string((String) items.get(i));
				}
				out.raw("]");
			}
			default -> throw new IllegalArgumentException("not a metric value: " + value.getClass().getName());
		}
	}

	/** A growable byte array, one per thread. */
	private static final class Out {

		private byte[] bytes = new byte[1024];

		private int size;

		private void ensureFree(int length) {
			if (this.size + length > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + length));
			}
		}

		/** Text known to be ASCII and to need no escaping. */
		private void raw(String ascii) {
			int length = ascii.length();
			ensureFree(length);
			byte[] target = this.bytes;
			int at = this.size;
			for (int i = 0; i < length; i++) {
				target[at + i] = (byte) ascii.charAt(i);
			}
			this.size = at + length;
		}

		/**
		 * An instant as {@link Instant#toString()} writes it (ISO-8601, UTC, the fraction
		 * in groups of three digits as needed), without its formatter for years 0 to
		 * 9999.
		 */
		private void instant(Instant value) {
			long seconds = value.getEpochSecond();
			if (seconds < YEAR_0 || seconds >= YEAR_10000) {
				string(value.toString());
				return;
			}
			LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
			int year = time.getYear();
			ensureFree(32);
			byte[] target = this.bytes;
			int at = this.size;
			target[at++] = '"';
			at = digits(target, at, year, 4);
			target[at++] = '-';
			at = digits(target, at, time.getMonthValue(), 2);
			target[at++] = '-';
			at = digits(target, at, time.getDayOfMonth(), 2);
			target[at++] = 'T';
			at = digits(target, at, time.getHour(), 2);
			target[at++] = ':';
			at = digits(target, at, time.getMinute(), 2);
			target[at++] = ':';
			at = digits(target, at, time.getSecond(), 2);
			int nano = value.getNano();
			if (nano != 0) {
				target[at++] = '.';
				if (nano % 1_000_000 == 0) {
					at = digits(target, at, nano / 1_000_000, 3);
				}
				else if (nano % 1_000 == 0) {
					at = digits(target, at, nano / 1_000, 6);
				}
				else {
					at = digits(target, at, nano, 9);
				}
			}
			target[at++] = 'Z';
			target[at++] = '"';
			this.size = at;
		}

		/** A number as exactly {@code count} decimal digits, zero-padded. */
		private static int digits(byte[] target, int at, int value, int count) {
			int rest = value;
			for (int i = at + count - 1; i >= at; i--) {
				target[i] = (byte) ('0' + rest % 10);
				rest /= 10;
			}
			return at + count;
		}

		/**
		 * A JSON string: quotes, backslash and control characters escaped, the rest
		 * UTF-8.
		 */
		private void string(String value) {
			int length = value.length();
			// at most six bytes per char (a \\u escape), two quotes
			ensureFree(length * 6 + 2);
			byte[] target = this.bytes;
			int at = this.size;
			target[at++] = '"';
			int i = 0;
			while (i < length) {
				char c = value.charAt(i++);
				if (c < 0x80) {
					if (c >= 0x20 && c != '"' && c != '\\') {
						target[at++] = (byte) c;
					}
					else {
						at = escape(target, at, c);
					}
				}
				else if (c < 0x800) {
					target[at++] = (byte) (0xC0 | (c >> 6));
					target[at++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(value.charAt(i))) {
					int code = Character.toCodePoint(c, value.charAt(i++));
					target[at++] = (byte) (0xF0 | (code >> 18));
					target[at++] = (byte) (0x80 | ((code >> 12) & 0x3F));
					target[at++] = (byte) (0x80 | ((code >> 6) & 0x3F));
					target[at++] = (byte) (0x80 | (code & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					throw new IllegalArgumentException("unpaired surrogate in text at index " + (i - 1));
				}
				else {
					target[at++] = (byte) (0xE0 | (c >> 12));
					target[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					target[at++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			target[at++] = '"';
			this.size = at;
		}

		private static int escape(byte[] target, int from, char c) {
			int at = from;
			target[at++] = '\\';
			switch (c) {
				case '"', '\\' -> target[at++] = (byte) c;
				case '\n' -> target[at++] = 'n';
				case '\r' -> target[at++] = 'r';
				case '\t' -> target[at++] = 't';
				case '\b' -> target[at++] = 'b';
				case '\f' -> target[at++] = 'f';
				default -> {
					target[at++] = 'u';
					target[at++] = '0';
					target[at++] = '0';
					target[at++] = HEX[c >> 4];
					target[at++] = HEX[c & 0xF];
				}
			}
			return at;
		}

	}

}
