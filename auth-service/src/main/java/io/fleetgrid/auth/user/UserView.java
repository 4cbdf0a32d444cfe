package io.fleetgrid.auth.user;

import java.time.Instant;
import java.util.UUID;

import io.fleetgrid.security.Role;

/**
 * A user as answered by the API.
 *
 * @param id user id
 * @param email e-mail address
 * @param displayName display name
 * @param role role
 * @param tenantId tenant
 * @param enabled false if an ADMIN disabled the user
 * @param locked true during a lockout after failed logins
 * @param invitationPending true until the user chose a password
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record UserView(UUID id, String email, String displayName, Role role, String tenantId, boolean enabled,
		boolean locked, boolean invitationPending, Instant createdAt, Instant updatedAt) {

	static UserView of(AppUser user, Instant now) {
		return new UserView(user.id(), user.email(), user.displayName(), user.role(), user.tenantId(), user.enabled(),
				user.lockedAt(now), user.passwordHash() == null, user.createdAt(), user.updatedAt());
	}

}
