package io.fleetgrid.contracts.telemetry;

import java.time.Duration;

/**
 * Formatting of values in validation messages: safe to log and to return to a device.
 */
final class Texts {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private Texts() {
	}

	/**
	 * A number as a person would write it: integral values without a fraction.
	 */
	static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return Double.toString(value);
	}

	/**
	 * A duration in the largest whole unit that expresses it exactly (days, hours,
	 * minutes), else in seconds with up to millisecond precision.
	 */
	static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis != 0 && millis % 86_400_000 == 0) {
			return plural(millis / 86_400_000, "day");
		}
		if (millis != 0 && millis % 3_600_000 == 0) {
			return plural(millis / 3_600_000, "hour");
		}
		if (millis != 0 && millis % 60_000 == 0) {
			return plural(millis / 60_000, "minute");
		}
		return number(millis / 1000.0) + " s";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

	/**
	 * Text in double quotes, control characters, surrogates and non-ASCII spaces escaped
	 * as {@code \}{@code uXXXX}, cut to {@code max} characters.
	 */
	static String quoted(String text, int max) {
		StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
		out.append('"');
		int n = Math.min(text.length(), max);
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == 0xfffe || c == 0xffff) {
				unicodeEscape(out, c);
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
		if (text.length() > max) {
			out.append("...");
		}
		return out.toString();
	}

	/**
	 * A message from elsewhere (the JSON parser) made single-line and printable.
	 */
	static String printable(String text, int max) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
		int n = Math.min(text.length(), max);
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r' || c == '\t') {
				out.append(' ');
			}
			else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
				unicodeEscape(out, c);
			}
			else {
				out.append(c);
			}
		}
		if (text.length() > max) {
			out.append("...");
		}
		return out.toString();
	}

	static String codePoint(int c) {
		StringBuilder out = new StringBuilder(6).append("U+");
		for (int shift = 12; shift >= 0; shift -= 4) {
			out.append(HEX[(c >> shift) & 0xf]);
		}
		return out.toString();
	}

	/**
	 * What is wrong with the characters of a text value, or null if nothing: NUL and
	 * other control characters, unpaired surrogates (not encodable as UTF-8) and the
	 * non-characters U+FFFE and U+FFFF are refused, because downstream stores (PostgreSQL
	 * text, search indices, e-mail) cannot hold them or would misinterpret them.
	 */
	static String textProblem(String text) {
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i++);
			if (c >= 0x20 && c < 0x7f) {
				continue;
			}
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
				return "contains the control character " + codePoint(c);
			}
			if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(text.charAt(i))) {
				i++;
				continue;
			}
			if (Character.isSurrogate(c)) {
				return "contains an unpaired surrogate " + codePoint(c) + " (not valid Unicode text)";
			}
			if (c == 0xfffe || c == 0xffff) {
				return "contains the non-character " + codePoint(c);
			}
		}
		return null;
	}

	private static void unicodeEscape(StringBuilder out, char c) {
		out.append("\\u");
		for (int shift = 12; shift >= 0; shift -= 4) {
			out.append(HEX[(c >> shift) & 0xf]);
		}
	}

}
