package io.fleetgrid.auth.server;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.client.FleetGridClientRepository;
import io.fleetgrid.auth.key.SigningKeyStore;
import io.fleetgrid.auth.tenant.Tenant;
import io.fleetgrid.auth.tenant.TenantRepository;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;
import io.fleetgrid.security.FleetGridClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds FleetGrid's claims to every JWT: {@code tenant}, {@code roles} and
 * {@code client_id}; for users also {@code email} and {@code name} (the {@code sub} is
 * the user id, or the client id of an API client). Signs with the active key. A user who
 * was disabled or deleted, or whose tenant was suspended, gets no further tokens (refresh
 * is refused with {@code invalid_grant}).
 */
@Component
class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final SigningKeyStore keys;

	private final UserRepository users;

	private final TenantRepository tenants;

	private final AuditPublisher audit;

	TokenClaimsCustomizer(SigningKeyStore keys, UserRepository users, TenantRepository tenants, AuditPublisher audit) {
		this.keys = keys;
		this.users = users;
		this.tenants = tenants;
		this.audit = audit;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.activeKeyId());
		RegisteredClient client = context.getRegisteredClient();
		JwtClaimsSet.Builder claims = context.getClaims();
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			String role = client.getClientSettings().getSetting(FleetGridClientRepository.ROLE_SETTING);
			String tenant = client.getClientSettings().getSetting(FleetGridClientRepository.TENANT_SETTING);
			if (tenant != null) {
				claims.claim(FleetGridClaims.TENANT, tenant);
			}
			claims.claim(FleetGridClaims.ROLES, roles(role));
			claims.claim(FleetGridClaims.CLIENT_ID, client.getClientId());
			if (accessToken) {
				this.audit.success(tenant, client.getClientId(), "CLIENT_TOKEN_ISSUED", client.getClientId());
			}
			return;
		}
		AppUser user = activeUser(context.getPrincipal().getName());
		claims.claim(FleetGridClaims.TENANT, user.tenantId());
		claims.claim(FleetGridClaims.ROLES, roles(user.role().name()));
		claims.claim(FleetGridClaims.EMAIL, user.email());
		claims.claim(FleetGridClaims.NAME, user.displayName());
		if (accessToken) {
			claims.claim(FleetGridClaims.CLIENT_ID, client.getClientId());
		}
	}

	/**
	 * The roles claim as an {@link ArrayList}: the claims are stored with the
	 * authorization as polymorphic JSON, whose type allow-list knows ArrayList but not
	 * {@code List.of}.
	 */
	private static List<String> roles(String role) {
		List<String> roles = new ArrayList<>();
		roles.add(role);
		return roles;
	}

	private AppUser activeUser(String userId) {
		UUID id;
		try {
			id = UUID.fromString(userId);
		}
		catch (IllegalArgumentException ex) {
			throw refused("Unknown user");
		}
		AppUser user = this.users.findById(id).orElseThrow(() -> refused("The user no longer exists"));
		if (!user.enabled()) {
			throw refused("The user is disabled");
		}
		if (!this.tenants.find(user.tenantId()).map(Tenant::active).orElse(false)) {
			throw refused("The user's tenant is suspended");
		}
		return user;
	}

	private static OAuth2AuthenticationException refused(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
