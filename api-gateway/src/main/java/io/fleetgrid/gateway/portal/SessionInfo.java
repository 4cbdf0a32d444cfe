package io.fleetgrid.gateway.portal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The caller as the gateway sees it ({@code GET /api/v1/session}).
 *
 * @param subject the user id ({@code sub}), or the client id for API clients
 * @param name display name
 * @param email e-mail address
 * @param tenant the tenant id; {@code null} for operators and services
 * @param roles role names, e.g. {@code ["ADMIN"]}
 * @param clientId the OAuth2 client the token was issued to
 * @param authentication {@code session} (portal login) or {@code bearer} (token)
 * @param expiresAt when the current access token expires
 */
public record SessionInfo(String subject, @Nullable String name, @Nullable String email, @Nullable String tenant,
		List<String> roles, @Nullable String clientId, String authentication, @Nullable Instant expiresAt) {

}
