package io.fleetgrid.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.notification.NotificationProperties;

import org.springframework.stereotype.Component;

/**
 * Signed, expiring acknowledge tokens:
 * {@code base64url(tokenId|tenantId|alertId|userId|expiresEpochSeconds) + "." +
 * base64url(HMAC-SHA256)}. The signature makes them unforgeable; {@code tokenId} makes
 * them one-time (the first use is stored under it).
 */
@Component
public class AckTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final Logger LOGGER = LoggerFactory.getLogger(AckTokens.class);

	private final SecureRandom random = new SecureRandom();

	private final byte[] key;

	private final Duration validity;

	private final Clock clock;

	/**
	 * Creates the token service.
	 * @param properties settings ({@code ack.secret})
	 * @param clock clock
	 */
	public AckTokens(NotificationProperties properties, Clock clock) {
		String secret = properties.ack().secret();
		if (secret == null || secret.isBlank()) {
			// Only outside prod (prod requires FLEETGRID_NOTIFICATION_ACK_SECRET): links
			// die with a restart.
			LOGGER.warn("No fleetgrid.notification.ack.secret: acknowledge links work until this instance stops");
			this.key = new byte[32];
			this.random.nextBytes(this.key);
		}
		else if (secret.length() < 16) {
			throw new IllegalStateException(
					"fleetgrid.notification.ack.secret (FLEETGRID_NOTIFICATION_ACK_SECRET) must be at least 16 characters");
		}
		else {
			this.key = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.validity = properties.ack().validity();
		this.clock = clock;
	}

	/**
	 * Issues a token.
	 * @param tenantId tenant
	 * @param alertId alert
	 * @param userId the recipient who may acknowledge
	 * @return the token
	 */
	public String issue(String tenantId, String alertId, String userId) {
		byte[] id = new byte[12];
		this.random.nextBytes(id);
		long expires = this.clock.instant().plus(this.validity).getEpochSecond();
		String payload = String.join("|", HexFormat.of().formatHex(id), tenantId, alertId, userId,
				Long.toString(expires));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
	}

	/**
	 * Verifies a token.
	 * @param token the token
	 * @return its claims
	 * @throws InvalidTokenException when it is malformed, forged or expired
	 */
	public Claims verify(String token) throws InvalidTokenException {
		String[] parts = token.split("\\.");
		if (parts.length != 2) {
			throw new InvalidTokenException("malformed token");
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(parts[0]);
			signature = DECODER.decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException("malformed token");
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw new InvalidTokenException("invalid signature");
		}
		String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|");
		if (fields.length != 5) {
			throw new InvalidTokenException("malformed token");
		}
		Instant expires = Instant.ofEpochSecond(Long.parseLong(fields[4]));
		if (!this.clock.instant().isBefore(expires)) {
			throw new InvalidTokenException("the link expired at " + expires);
		}
		return new Claims(fields[0], fields[1], fields[2], fields[3], expires);
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/**
	 * What a token grants.
	 *
	 * @param tokenId one-time id
	 * @param tenantId tenant
	 * @param alertId alert
	 * @param userId user
	 * @param expiresAt expiry
	 */
	public record Claims(String tokenId, String tenantId, String alertId, String userId, Instant expiresAt) {
	}

	/**
	 * A token that is malformed, forged or expired.
	 */
	public static class InvalidTokenException extends Exception {

		private static final long serialVersionUID = 1L;

		InvalidTokenException(String message) {
			super(message);
		}

	}

}
