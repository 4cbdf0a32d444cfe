package io.fleetgrid.device.registry;

import java.util.Locale;

/**
 * Vehicle identification numbers (ISO 3779).
 * <p>
 * Every VIN must be 17 characters of {@code 0-9} and {@code A-Z} without {@code I},
 * {@code O} and {@code Q}. ISO 3779 itself defines no check digit; the North-American
 * rule (US 49 CFR 565, adopted by Canada and Mexico) makes position 9 a check digit: each
 * character is transliterated to a number (digits as themselves, letters A-H = 1-8, J-N =
 * 1-5, P = 7, R = 9, S-Z = 2-9), multiplied by the weight of its position (8, 7, 6, 5, 4,
 * 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2), and the sum modulo 11 is the check digit ({@code
 * X} for 10). The rule is enforced where it applies: VINs whose world manufacturer
 * identifier starts with {@code 1}-{@code 5} (vehicles built for North America). European
 * and most other VINs carry no check digit, so position 9 is not checked for them.
 */
final class Vins {

	private static final int[] WEIGHTS = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };

	private Vins() {
	}

	/**
	 * Normalises a VIN to upper case without surrounding blanks.
	 * @param vin the VIN as entered
	 * @return the normalised VIN, or null
	 */
	static String normalise(String vin) {
		return (vin != null) ? vin.strip().toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * Checks a normalised VIN.
	 * @param vin the VIN
	 * @return null if it is valid, otherwise why not
	 */
	static String problem(String vin) {
		if (vin.length() != 17) {
			return "must be 17 characters, got " + vin.length();
		}
		for (int i = 0; i < vin.length(); i++) {
			if (value(vin.charAt(i)) < 0) {
				return "character " + (i + 1) + " '" + vin.charAt(i)
						+ "' is not allowed (0-9 and A-Z without I, O and Q)";
			}
		}
		if (vin.charAt(0) >= '1' && vin.charAt(0) <= '5') {
			char expected = checkDigit(vin);
			if (vin.charAt(8) != expected) {
				return "check digit (position 9) is '" + vin.charAt(8) + "' but must be '" + expected
						+ "' for a North-American VIN";
			}
		}
		return null;
	}

	/**
	 * The North-American check digit of a 17-character VIN.
	 * @param vin the VIN
	 * @return the check digit, {@code 0}-{@code 9} or {@code X}
	 */
	static char checkDigit(String vin) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += value(vin.charAt(i)) * WEIGHTS[i];
		}
		int remainder = sum % 11;
		return (remainder == 10) ? 'X' : (char) ('0' + remainder);
	}

	private static int value(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		return switch (c) {
			case 'A', 'J' -> 1;
			case 'B', 'K', 'S' -> 2;
			case 'C', 'L', 'T' -> 3;
			case 'D', 'M', 'U' -> 4;
			case 'E', 'N', 'V' -> 5;
			case 'F', 'W' -> 6;
			case 'G', 'P', 'X' -> 7;
			case 'H', 'Y' -> 8;
			case 'R', 'Z' -> 9;
			default -> -1;
		};
	}

}
