package io.fleetgrid.contracts.telemetry;

/**
 * Strict UTF-8 check (RFC 3629, Unicode table 3-7) of a body before it is parsed. The
 * JSON parser alone is too lenient for device input: it decodes overlong sequences (for
 * example {@code C0 AF} as {@code /}) and auto-detects UTF-16 and UTF-32, which RFC 8259
 * does not allow between systems. Raw NUL bytes are refused as well: they are never valid
 * in JSON text and are how UTF-16/32 shows up.
 */
final class Utf8 {

	private Utf8() {
	}

	/**
	 * The first encoding problem of a body.
	 * @return a description for the device, or null if the bytes are valid UTF-8 without
	 * NUL bytes
	 */
	static String problem(byte[] bytes, int offset, int length) {
		int end = offset + length;
		int i = offset;
		while (i < end) {
			int b0 = bytes[i];
			if (b0 > 0) {
				i++;
				continue;
			}
			if (b0 == 0) {
				return "a NUL byte at offset " + (i - offset) + ": the body must be UTF-8 JSON"
						+ " (UTF-16 and UTF-32 are not accepted)";
			}
			b0 &= 0xff;
			int continuation;
			int secondMin = 0x80;
			int secondMax = 0xbf;
			if (b0 >= 0xc2 && b0 <= 0xdf) {
				continuation = 1;
			}
			else if (b0 >= 0xe0 && b0 <= 0xef) {
				continuation = 2;
				if (b0 == 0xe0) {
					secondMin = 0xa0;
				}
				else if (b0 == 0xed) {
					secondMax = 0x9f;
				}
			}
			else if (b0 >= 0xf0 && b0 <= 0xf4) {
				continuation = 3;
				if (b0 == 0xf0) {
					secondMin = 0x90;
				}
				else if (b0 == 0xf4) {
					secondMax = 0x8f;
				}
			}
			else {
				return "byte " + hex(b0) + " at offset " + (i - offset) + " cannot start a UTF-8 character"
						+ ((b0 == 0xc0 || b0 == 0xc1) ? " (overlong encoding)" : "");
			}
			if (i + continuation >= end) {
				return "the UTF-8 character at offset " + (i - offset) + " is cut off";
			}
			int b1 = bytes[i + 1] & 0xff;
			if (b1 < secondMin || b1 > secondMax) {
				return "byte " + hex(b1) + " at offset " + (i + 1 - offset) + " is not valid after " + hex(b0)
						+ describeSecond(b0, b1);
			}
			for (int k = 2; k <= continuation; k++) {
				int bk = bytes[i + k] & 0xff;
				if (bk < 0x80 || bk > 0xbf) {
					return "byte " + hex(bk) + " at offset " + (i + k - offset) + " is not a UTF-8 continuation byte";
				}
			}
			i += continuation + 1;
		}
		return null;
	}

	private static String describeSecond(int b0, int b1) {
		if (b1 < 0x80 || b1 > 0xbf) {
			return " (a continuation byte is expected)";
		}
		if (b0 == 0xed) {
			return " (encoded surrogate)";
		}
		if (b0 == 0xf4) {
			return " (beyond U+10FFFF)";
		}
		return " (overlong encoding)";
	}

	private static String hex(int b) {
		return String.format("0x%02X", b);
	}

}
