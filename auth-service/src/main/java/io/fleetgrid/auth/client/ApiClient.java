package io.fleetgrid.auth.client;

import java.time.Instant;
import java.util.UUID;

import io.fleetgrid.security.Role;

/**
 * An OAuth2 {@code client_credentials} client stored in the database.
 *
 * @param id internal id
 * @param clientId the OAuth2 client id
 * @param tenantId its tenant, or null for the operator client
 * @param name display name
 * @param role the one role its tokens carry
 * @param secretHash the secret's hash
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record ApiClient(UUID id, String clientId, String tenantId, String name, Role role, String secretHash,
		Instant createdAt, Instant updatedAt) {

}
