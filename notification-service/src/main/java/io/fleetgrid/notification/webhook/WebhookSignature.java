package io.fleetgrid.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-FleetGrid-Signature: t=<unix seconds>,v1=<hex>} where
 * {@code v1} is HMAC-SHA256 with the endpoint's secret over {@code t + "." + body}.
 */
public final class WebhookSignature {

	/** The header carrying the signature. */
	public static final String HEADER = "X-FleetGrid-Signature";

	private WebhookSignature() {
	}

	/**
	 * The header value for a body.
	 * @param secret endpoint secret
	 * @param unixSeconds timestamp
	 * @param body the exact body bytes sent
	 * @return {@code t=...,v1=...}
	 */
	public static String header(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds, body);
	}

	/**
	 * Verifies a header value, as a receiver does.
	 * @param secret endpoint secret
	 * @param header the header value
	 * @param body the received body bytes
	 * @param nowUnixSeconds receiver's clock
	 * @param toleranceSeconds accepted clock difference (replay window)
	 * @return true if the signature is valid and fresh
	 */
	public static boolean verify(String secret, String header, byte[] body, long nowUnixSeconds,
			long toleranceSeconds) {
		long timestamp = -1;
		String signature = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && "t".equals(pair[0])) {
				try {
					timestamp = Long.parseLong(pair[1]);
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
			else if (pair.length == 2 && "v1".equals(pair[0])) {
				signature = pair[1];
			}
		}
		if (timestamp < 0 || signature == null || Math.abs(nowUnixSeconds - timestamp) > toleranceSeconds) {
			return false;
		}
		return MessageDigest.isEqual(hmacHex(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmacHex(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
