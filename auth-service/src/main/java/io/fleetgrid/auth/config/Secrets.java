package io.fleetgrid.auth.config;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets for API clients, demo passwords and token ids.
 */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/**
	 * A random secret of 32 bytes (256 bits), base64url without padding (43 characters).
	 * @return the secret
	 */
	public static String generate() {
		return random(32);
	}

	/**
	 * Random bytes as base64url without padding.
	 * @param bytes how many random bytes
	 * @return the text
	 */
	public static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
