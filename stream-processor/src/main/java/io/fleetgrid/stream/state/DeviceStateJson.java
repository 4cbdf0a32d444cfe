package io.fleetgrid.stream.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;

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

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private DeviceStateJson() {
	}

	/**
	 * The state's JSON, written into the thread's {@link ByteArrayDataOutput} (which the
	 * device memory's serde also uses; neither calls the other while writing).
	 * @param state the state
	 * @return UTF-8 JSON
	 */
	public static byte[] write(DeviceState state) {
		ByteArrayDataOutput out = ByteArrayDataOutput.forThread();
		out.writeBytes("{\"deviceId\":");
		string(out, state.deviceId());
		out.writeBytes(",\"tenantId\":");
		string(out, state.tenantId());
		out.writeBytes(",\"deviceType\":");
		string(out, state.deviceType().name());
		out.writeBytes(",\"lastSeen\":");
		instant(out, state.lastSeen());
		GeoPoint position = state.position();
		if (position != null) {
			out.writeBytes(",\"position\":{\"lat\":");
			out.writeBytes(Double.toString(position.lat()));
			out.writeBytes(",\"lon\":");
			out.writeBytes(Double.toString(position.lon()));
			out.writeBytes("}");
		}
		number(out, ",\"speedKph\":", state.speedKph());
		number(out, ",\"headingDeg\":", state.headingDeg());
		if (state.ignition() != null) {
			out.writeBytes(state.ignition() ? ",\"ignition\":true" : ",\"ignition\":false");
		}
		number(out, ",\"fuelLevelPct\":", state.fuelLevelPct());
		number(out, ",\"batterySocPct\":", state.batterySocPct());
		number(out, ",\"pvPowerW\":", state.pvPowerW());
		out.writeBytes(",\"activeAlerts\":[");
		List<AlertType> alerts = state.activeAlerts();
		for (int i = 0; i < alerts.size(); i++) {
			if (i > 0) {
				out.writeBytes(",");
			}
			string(out, alerts.get(i).name());
		}
		out.writeBytes("],\"metrics\":{");
		boolean first = true;
		for (Map.Entry<String, Object> metric : state.metrics().entrySet()) {
			if (!first) {
				out.writeBytes(",");
			}
			first = false;
			string(out, metric.getKey());
			out.writeBytes(":");
			value(out, metric.getValue());
		}
		out.writeBytes("},\"updatedAt\":");
		instant(out, state.updatedAt());
		out.writeBytes("}");
		return out.toByteArray();
	}

	private static void number(ByteArrayDataOutput out, String property, Double value) {
		if (value != null) {
			out.writeBytes(property);
			out.writeBytes(Double.toString(value));
		}
	}

	/**
	 * A metric value: the types {@link io.fleetgrid.contracts.event.MetricValues} holds.
	 */
	private static void value(ByteArrayDataOutput out, Object value) {
		switch (value) {
			case String text -> string(out, text);
			case Boolean on -> out.writeBytes(on ? "true" : "false");
			case Double number -> out.writeBytes(Double.toString(number));
			case Float number -> out.writeBytes(Float.toString(number));
			case Long number -> out.writeBytes(Long.toString(number));
			case Integer number -> out.writeBytes(Integer.toString(number));
			case List<?> items -> {
				out.writeBytes("[");
				for (int i = 0; i < items.size(); i++) {
					if (i > 0) {
						out.writeBytes(",");
					}
					string(out, (String) items.get(i));
				}
				out.writeBytes("]");
			}
			default -> throw new IllegalArgumentException("not a metric value: " + value.getClass().getName());
		}
	}

	/**
	 * An instant as {@link Instant#toString()} writes it (ISO-8601, UTC, the fraction in
	 * groups of three digits as needed), without its formatter for years 0 to 9999.
	 */
	private static void instant(ByteArrayDataOutput out, Instant value) {
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
	 */
	private static void string(ByteArrayDataOutput out, String value) {
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

}
