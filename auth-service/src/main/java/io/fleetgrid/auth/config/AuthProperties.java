package io.fleetgrid.auth.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server ({@code fleetgrid.auth.*}).
 *
 * @param issuerUri issuer of the tokens, also the base of the links in mails (env
 * {@code FLEETGRID_ISSUER_URI})
 * @param secret master secret: encrypts the signing keys at rest and signs the invitation
 * and reset links (env {@code FLEETGRID_AUTH_SECRET}, required in prod)
 * @param accessTokenTtl lifetime of access tokens (at most 15 minutes)
 * @param refreshTokenTtl lifetime of the portal's refresh tokens
 * @param portal the portal's OAuth2 client
 * @param serviceClients service clients as comma-separated {@code clientId:secret} pairs
 * (env {@code FLEETGRID_SERVICE_CLIENTS})
 * @param login failed-login lockout
 * @param rateLimit request budgets of the token endpoint and the login form
 * @param keys signing key retention
 * @param mail invitation and reset mails
 * @param bootstrap local demo data
 */
@ConfigurationProperties("fleetgrid.auth")
public record AuthProperties(@DefaultValue("http://localhost:9000") String issuerUri, String secret,
		@DefaultValue("10m") Duration accessTokenTtl, @DefaultValue("8h") Duration refreshTokenTtl,
		@DefaultValue Portal portal, @DefaultValue("") String serviceClients, @DefaultValue Login login,
		@DefaultValue RateLimit rateLimit, @DefaultValue Keys keys, @DefaultValue Mail mail,
		@DefaultValue Bootstrap bootstrap) {

	/** Longest access-token lifetime the platform accepts. */
	public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

	public AuthProperties {
		if (accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
			throw new IllegalArgumentException(
					"fleetgrid.auth.access-token-ttl must be at most 15 minutes, was " + accessTokenTtl);
		}
	}

	/**
	 * The service clients parsed from {@link #serviceClients()}.
	 * @return the client id / secret pairs
	 */
	public List<ServiceClient> parsedServiceClients() {
		List<ServiceClient> clients = new ArrayList<>();
		for (String pair : this.serviceClients.split(",")) {
			String trimmed = pair.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			if (colon <= 0 || colon == trimmed.length() - 1) {
				throw new IllegalArgumentException(
						"FLEETGRID_SERVICE_CLIENTS: expected clientId:secret pairs separated by commas, got '"
								+ trimmed.substring(0, Math.max(colon, 0)) + ":...'");
			}
			String clientId = trimmed.substring(0, colon);
			if (!clientId.startsWith("svc-")) {
				throw new IllegalArgumentException(
						"FLEETGRID_SERVICE_CLIENTS: service client ids start with 'svc-', got '" + clientId + "'");
			}
			clients.add(new ServiceClient(clientId, trimmed.substring(colon + 1)));
		}
		return List.copyOf(clients);
	}

	/**
	 * A service client from configuration.
	 *
	 * @param clientId {@code svc-<service-name>}
	 * @param secret its secret
	 */
	public record ServiceClient(String clientId, String secret) {

	}

	/**
	 * The portal's OAuth2 client (authorization code + PKCE, refresh tokens).
	 *
	 * @param clientId client id (env {@code FLEETGRID_PORTAL_CLIENT_ID})
	 * @param clientSecret client secret (env {@code FLEETGRID_PORTAL_CLIENT_SECRET}); the
	 * client is not registered when empty
	 * @param redirectUris allowed redirect URIs
	 * @param postLogoutRedirectUris allowed post-logout redirect URIs
	 */
	public record Portal(@DefaultValue("fleetgrid-portal") String clientId, String clientSecret,
			@DefaultValue("http://localhost:8080/login/oauth2/code/fleetgrid") List<String> redirectUris,
			@DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {

	}

	/**
	 * Failed-login lockout.
	 *
	 * @param maxFailures failed logins in a row after which the account is locked
	 * @param lockout how long the account stays locked
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {

	}

	/**
	 * In-memory request budgets (token buckets refilled continuously).
	 *
	 * @param tokenPerClient token requests per client id and minute
	 * @param tokenPerIp token requests per remote address and minute
	 * @param loginPerIp login form posts per remote address and minute
	 */
	public record RateLimit(@DefaultValue("60") int tokenPerClient, @DefaultValue("300") int tokenPerIp,
			@DefaultValue("30") int loginPerIp) {

	}

	/**
	 * Signing key retention.
	 *
	 * @param published how many keys the JWKS publishes (the active one and the newest
	 * previous ones)
	 * @param refresh how often each instance reloads the keys from the database
	 */
	public record Keys(@DefaultValue("3") int published, @DefaultValue("60s") Duration refresh) {

	}

	/**
	 * Invitation and password-reset mails.
	 *
	 * @param from sender address
	 * @param invitationTtl validity of an invitation link
	 * @param resetTtl validity of a password-reset link
	 */
	public record Mail(@DefaultValue("no-reply@fleetgrid.local") String from,
			@DefaultValue("72h") Duration invitationTtl, @DefaultValue("30m") Duration resetTtl) {

	}

	/**
	 * Local demo data (API.md "Bootstrap").
	 *
	 * @param enabled create or update the demo tenant, users and clients at start-up
	 * @param tenantId the demo tenant
	 * @param demoPassword password of the demo users (env
	 * {@code FLEETGRID_DEMO_PASSWORD}, random when empty)
	 * @param adminClientId the demo tenant's ADMIN API client (env
	 * {@code FLEETGRID_BOOTSTRAP_CLIENT_ID})
	 * @param adminClientSecret its secret (env {@code FLEETGRID_BOOTSTRAP_CLIENT_SECRET},
	 * random when empty)
	 * @param operatorClientId the operator client (env
	 * {@code FLEETGRID_OPERATOR_CLIENT_ID})
	 * @param operatorClientSecret its secret (env
	 * {@code FLEETGRID_OPERATOR_CLIENT_SECRET}, random when empty)
	 */
	public record Bootstrap(@DefaultValue("false") boolean enabled, @DefaultValue("demo") String tenantId,
			String demoPassword, @DefaultValue("fleetgrid-admin") String adminClientId, String adminClientSecret,
			@DefaultValue("fleetgrid-operator") String operatorClientId, String operatorClientSecret) {

	}

}
