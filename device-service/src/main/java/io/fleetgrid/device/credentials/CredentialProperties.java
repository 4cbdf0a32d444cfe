package io.fleetgrid.device.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Credential settings ({@code fleetgrid.device.credentials.*}).
 *
 * @param pepper the server-side key of the token HMAC (env
 * {@code FLEETGRID_DEVICE_TOKEN_PEPPER}); at least 20 characters of a random secret (the
 * local stack generates 24 URL-safe Base64 characters, 144 bits). Required: the service
 * does not start without it. The {@code local} and {@code test} profiles set a documented
 * development value; production must supply its own secret. Changing it invalidates every
 * stored token (devices then need new credentials).
 */
@ConfigurationProperties("fleetgrid.device.credentials")
public record CredentialProperties(String pepper) {

	/** Shortest accepted pepper. */
	static final int MIN_PEPPER_LENGTH = 20;

	public CredentialProperties {
		if (pepper == null || pepper.isBlank()) {
			throw new IllegalStateException("fleetgrid.device.credentials.pepper (env FLEETGRID_DEVICE_TOKEN_PEPPER) "
					+ "is not set: device tokens cannot be hashed without it");
		}
		if (pepper.length() < MIN_PEPPER_LENGTH) {
			throw new IllegalStateException("fleetgrid.device.credentials.pepper must be at least " + MIN_PEPPER_LENGTH
					+ " characters, got " + pepper.length());
		}
	}

}
