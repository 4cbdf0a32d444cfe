package io.fleetgrid.contracts.telemetry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A strict, allocation-free parser for RFC 3339 / ISO-8601 instants of the form
 * {@code 2026-11-23T10:15:30[.fraction](Z|+hh:mm|-hh:mm)}: seconds are required, the
 * fraction has 1 to 9 digits, the offset is required; {@code t} and {@code z} may be
 * lower case. About ten times faster than {@link Instant#parse}, which matters at one
 * timestamp per event.
 */
final class IsoInstants {

	private static final int MIN_LENGTH = "2026-11-23T10:15:30Z".length();

	private static final int MAX_LENGTH = "2026-11-23T10:15:30.123456789+01:00".length();

	private IsoInstants() {
	}

	/**
	 * Parses an instant.
	 * @return the instant, or null if the text is not a valid timestamp of this form
	 */
	static Instant parse(char[] text, int offset, int length) {
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return null;
		}
		int end = offset + length;
		int year = digits(text, offset, 4);
		int month = digits(text, offset + 5, 2);
		int day = digits(text, offset + 8, 2);
		int hour = digits(text, offset + 11, 2);
		int minute = digits(text, offset + 14, 2);
		int second = digits(text, offset + 17, 2);
		char t = text[offset + 10];
		if ((year | month | day | hour | minute | second) < 0 || text[offset + 4] != '-' || text[offset + 7] != '-'
				|| (t != 'T' && t != 't') || text[offset + 13] != ':' || text[offset + 16] != ':') {
			return null;
		}
		if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
				|| second > 59) {
			return null;
		}
		int i = offset + 19;
		int nanos = 0;
		if (text[i] == '.') {
			i++;
			int start = i;
			while (i < end && isDigit(text[i])) {
				if (i - start == 9) {
					return null;
				}
				nanos = nanos * 10 + (text[i] - '0');
				i++;
			}
			int fractionDigits = i - start;
			if (fractionDigits == 0) {
				return null;
			}
			for (int k = fractionDigits; k < 9; k++) {
				nanos *= 10;
			}
		}
		if (i >= end) {
			return null;
		}
		int offsetSeconds;
		char zone = text[i];
		if (zone == 'Z' || zone == 'z') {
			offsetSeconds = 0;
			i++;
		}
		else if (zone == '+' || zone == '-') {
			if (end - i != 6 || text[i + 3] != ':') {
				return null;
			}
			int offsetHours = digits(text, i + 1, 2);
			int offsetMinutes = digits(text, i + 4, 2);
			if (offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59 || offsetHours > 18
					|| (offsetHours == 18 && offsetMinutes > 0)) {
				return null;
			}
			offsetSeconds = ((zone == '-') ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
			i += 6;
		}
		else {
			return null;
		}
		if (i != end) {
			return null;
		}
		long epochDay = LocalDate.of(year, month, day).toEpochDay();
		long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	private static int digits(char[] text, int offset, int count) {
		int value = 0;
		for (int i = offset; i < offset + count; i++) {
			char c = text[i];
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

}
