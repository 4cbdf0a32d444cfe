package io.fleetgrid.auth.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.fleetgrid.auth.config.AuthProperties;

import org.springframework.stereotype.Component;

/**
 * The master secret ({@code fleetgrid.auth.secret}, env {@code FLEETGRID_AUTH_SECRET})
 * and the purpose-bound keys derived from it (HMAC-SHA256 of the purpose label), so that
 * one secret never serves two purposes directly.
 */
@Component
public class MasterSecret {

	private static final int MIN_LENGTH = 16;

	private final byte[] secret;

	MasterSecret(AuthProperties properties) {
		String value = properties.secret();
		if (value == null || value.length() < MIN_LENGTH) {
			throw new IllegalStateException("fleetgrid.auth.secret (env FLEETGRID_AUTH_SECRET) must be set to at least "
					+ MIN_LENGTH + " characters: it encrypts the signing keys and signs the mail links");
		}
		this.secret = value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A 256-bit key for one purpose.
	 * @param purpose the purpose label
	 * @return the key bytes
	 */
	public byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(("fleetgrid-auth:" + purpose).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
