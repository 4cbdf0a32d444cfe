package io.fleetgrid.gateway.portal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/v1/session}: the logged-in user's claims for the portal (an extension
 * of API.md). For a portal session the claims come from the session's access token
 * (tenant, roles) and ID token (name, e-mail); for a bearer token from the token itself.
 */
@RestController
public class SessionController {

	private final ServerOAuth2AuthorizedClientRepository authorizedClients;

	private final ReactiveJwtDecoder jwtDecoder;

	/**
	 * Creates the controller.
	 * @param authorizedClients where the session's tokens are
	 * @param jwtDecoder validates and reads the session's access token
	 */
	public SessionController(ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveJwtDecoder jwtDecoder) {
		this.authorizedClients = authorizedClients;
		this.jwtDecoder = jwtDecoder;
	}

	/**
	 * Who is calling.
	 * @param authentication the caller (never anonymous: the path needs authentication)
	 * @param exchange the exchange (holds the session)
	 * @return the caller's claims
	 */
	@GetMapping("/api/v1/session")
	public Mono<SessionInfo> session(Authentication authentication, ServerWebExchange exchange) {
		if (authentication instanceof JwtAuthenticationToken bearer) {
			return Mono.just(fromClaims(bearer.getToken().getClaims(), Map.of(), "bearer", bearer.getToken()));
		}
		OAuth2AuthenticationToken login = (OAuth2AuthenticationToken) authentication;
		Map<String, Object> idClaims = (login.getPrincipal() instanceof OidcUser user) ? user.getClaims()
				: login.getPrincipal().getAttributes();
		return this.authorizedClients
			.<OAuth2AuthorizedClient>loadAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, exchange)
			.flatMap((client) -> this.jwtDecoder.decode(client.getAccessToken().getTokenValue()))
			.map((jwt) -> fromClaims(jwt.getClaims(), idClaims, "session", jwt))
			.defaultIfEmpty(fromClaims(idClaims, Map.of(), "session", null));
	}

	private static SessionInfo fromClaims(Map<String, Object> claims, Map<String, Object> fallback,
			String authentication, @Nullable Jwt token) {
		return new SessionInfo(String.valueOf(claim("sub", claims, fallback)), string(claim("name", claims, fallback)),
				string(claim("email", claims, fallback)), string(claim("tenant", claims, fallback)),
				roles(claim("roles", claims, fallback)), string(claim("client_id", claims, fallback)), authentication,
				(token != null) ? token.getExpiresAt() : null);
	}

	private static @Nullable Object claim(String name, Map<String, Object> claims, Map<String, Object> fallback) {
		Object value = claims.get(name);
		return (value != null) ? value : fallback.get(name);
	}

	private static @Nullable String string(@Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static List<String> roles(@Nullable Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		if (value instanceof String text && !text.isBlank()) {
			return List.of(text.split("[ ,]+"));
		}
		return List.of();
	}

}
