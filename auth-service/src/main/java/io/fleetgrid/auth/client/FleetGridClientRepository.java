package io.fleetgrid.auth.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.fleetgrid.auth.config.AuthProperties;
import io.fleetgrid.security.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 clients the authorization server knows: the portal and the {@code svc-*}
 * service clients from configuration, and the API clients of the database. An API client
 * of a suspended tenant is not found, so it cannot obtain tokens.
 * <p>
 * Each client carries its role and tenant as the client settings {@link #ROLE_SETTING}
 * and {@link #TENANT_SETTING}, read when its tokens are issued.
 */
@Component
public class FleetGridClientRepository implements RegisteredClientRepository {

	/** Client setting: the role of a client_credentials client's tokens. */
	public static final String ROLE_SETTING = "fleetgrid.role";

	/**
	 * Client setting: the tenant of a client_credentials client's tokens (absent if
	 * none).
	 */
	public static final String TENANT_SETTING = "fleetgrid.tenant";

	private static final Logger LOGGER = LoggerFactory.getLogger(FleetGridClientRepository.class);

	private final ApiClientRepository apiClients;

	private final AuthProperties properties;

	private final Map<String, RegisteredClient> configured = new LinkedHashMap<>();

	FleetGridClientRepository(ApiClientRepository apiClients, PasswordEncoder passwordEncoder,
			AuthProperties properties) {
		this.apiClients = apiClients;
		this.properties = properties;
		AuthProperties.Portal portal = properties.portal();
		if (portal.clientSecret() != null && !portal.clientSecret().isBlank()) {
			this.configured.put(portal.clientId(), portal(portal, passwordEncoder.encode(portal.clientSecret())));
		}
		else {
			LOGGER.warn("No portal client registered: FLEETGRID_PORTAL_CLIENT_SECRET is not set");
		}
		for (AuthProperties.ServiceClient service : properties.parsedServiceClients()) {
			this.configured.put(service.clientId(), clientCredentials(service.clientId(), service.clientId(),
					passwordEncoder.encode(service.secret()), Role.SERVICE, null));
		}
		LOGGER.info("Clients from configuration: {}", this.configured.keySet());
	}

	private RegisteredClient portal(AuthProperties.Portal portal, String secretHash) {
		return RegisteredClient.withId(portal.clientId())
			.clientId(portal.clientId())
			.clientSecret(secretHash)
			.clientName("FleetGrid portal")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(portal.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(portal.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.properties.accessTokenTtl())
				.refreshTokenTimeToLive(this.properties.refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

	private RegisteredClient clientCredentials(String id, String clientId, String secretHash, Role role,
			@Nullable String tenantId) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireProofKey(false)
			.requireAuthorizationConsent(false)
			.setting(ROLE_SETTING, role.name());
		if (tenantId != null) {
			settings.setting(TENANT_SETTING, tenantId);
		}
		return RegisteredClient.withId(id)
			.clientId(clientId)
			.clientSecret(secretHash)
			.clientName(clientId)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.properties.accessTokenTtl())
				.build())
			.build();
	}

	private RegisteredClient toRegisteredClient(ApiClient client) {
		return clientCredentials(client.id().toString(), client.clientId(), client.secretHash(), client.role(),
				client.tenantId());
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		// Clients are managed through /api/v1/clients and configuration, not by the
		// server.
		LOGGER.debug("Ignoring save of client {}", registeredClient.getClientId());
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		RegisteredClient client = this.configured.get(id);
		if (client != null) {
			return client;
		}
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return this.apiClients.findById(uuid).map(this::toRegisteredClient).orElse(null);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		RegisteredClient client = this.configured.get(clientId);
		if (client != null) {
			return client;
		}
		return this.apiClients.findUsableByClientId(clientId).map(this::toRegisteredClient).orElse(null);
	}

}
