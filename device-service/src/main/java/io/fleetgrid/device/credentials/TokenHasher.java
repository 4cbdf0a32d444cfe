package io.fleetgrid.device.credentials;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates device tokens and hashes them for storage.
 * <p>
 * <b>Why a fast keyed hash and not bcrypt/scrypt/Argon2.</b> Adaptive password hashes are
 * slow on purpose, to make guessing a low-entropy human password from a stolen hash
 * expensive. A device token is not a human password: it is 256 bits from
 * {@link SecureRandom}, so there is nothing to guess — brute force over 2^256 values is
 * infeasible whatever the hash costs. Slowness would buy no security and would cost a lot
 * at ingest: every device connection and every credential-cache miss at ingest-service
 * verifies a token, and at ~50-100 ms per adaptive hash one CPU core could check only
 * 10-20 tokens per second, capping ingest throughput and turning a reconnect storm into
 * an outage. HMAC-SHA-256 costs about a microsecond. The HMAC key (the "pepper") lives
 * only in the service's configuration, not in the database, so a leaked database dump
 * alone does not even allow offline verification of a token. The device id is part of the
 * MAC input, so a hash copied onto another device's row does not match there.
 * <p>
 * Comparison is constant-time ({@link MessageDigest#isEqual(byte[], byte[])}).
 */
public class TokenHasher {

	/** Random bytes per token: 256 bits (at least 128 are required). */
	static final int TOKEN_BYTES = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	/**
	 * Creates the hasher.
	 * @param pepper the server-side HMAC key
	 */
	public TokenHasher(String pepper) {
		this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * A new token: 256 random bits, URL-safe Base64 without padding (43 characters).
	 * @return the token, to be shown to the caller once
	 */
	public String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The stored form of a token.
	 * @param deviceId the device the token belongs to
	 * @param token the token
	 * @return HMAC-SHA-256(pepper, deviceId + '\n' + token)
	 */
	public byte[] hash(String deviceId, String token) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update(deviceId.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '\n');
			return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Whether a token matches a stored hash, in time independent of where they differ.
	 * @param deviceId the device
	 * @param token the presented token
	 * @param storedHash the stored hash, or null (no credential: never matches)
	 * @return true if it matches
	 */
	public boolean matches(String deviceId, String token, byte[] storedHash) {
		byte[] presented = hash(deviceId, token);
		if (storedHash == null) {
			// Still compare, so that a revoked device answers as fast as a wrong token.
			MessageDigest.isEqual(presented, new byte[presented.length]);
			return false;
		}
		return MessageDigest.isEqual(presented, storedHash);
	}

}
