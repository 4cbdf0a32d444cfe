package io.fleetgrid.gateway.security;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's OAuth2 client registration ({@code fleetgrid.gateway.portal.*}): the
 * gateway logs users in with the authorization-code flow with PKCE against the issuer.
 * The provider's endpoints are read from the issuer's discovery document on first use, so
 * the gateway starts while auth-service is still down.
 *
 * @param issuerUri the OAuth2/OIDC issuer (env {@code FLEETGRID_ISSUER_URI})
 * @param registrationId the registration id, part of the login and callback paths
 * @param clientId the portal's client id
 * @param clientSecret the portal's client secret (env
 * {@code FLEETGRID_PORTAL_CLIENT_SECRET}); unset means a public client (PKCE only)
 * @param scopes requested scopes
 * @param postLogoutRedirectUri where the issuer sends the browser after logout
 */
@ConfigurationProperties("fleetgrid.gateway.portal")
public record PortalProperties(URI issuerUri, @DefaultValue("fleetgrid") String registrationId,
		@DefaultValue("fleetgrid-portal") String clientId, @Nullable String clientSecret, @DefaultValue( {
				"openid", "profile", "email" }) List<String> scopes,
		@DefaultValue("{baseUrl}/") String postLogoutRedirectUri){

	/**
	 * Where an unauthenticated browser is sent to log in.
	 * @return e.g. {@code /oauth2/authorization/fleetgrid}
	 */
	public String loginPath() {
		return "/oauth2/authorization/" + this.registrationId;
	}

}
