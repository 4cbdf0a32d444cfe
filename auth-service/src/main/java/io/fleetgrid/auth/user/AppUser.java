package io.fleetgrid.auth.user;

import java.time.Instant;
import java.util.UUID;

import io.fleetgrid.security.Role;

/**
 * A person who logs in to the portal.
 *
 * @param id user id (the {@code sub} of the user's tokens)
 * @param tenantId the tenant
 * @param email e-mail address, the login name
 * @param displayName display name
 * @param role USER, FLEET_MANAGER or ADMIN
 * @param passwordHash password hash, or null until the invitation is accepted
 * @param enabled false when an ADMIN disabled the user
 * @param failedLogins failed logins in a row
 * @param lockedUntil locked after too many failed logins until then, or null
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record AppUser(UUID id, String tenantId, String email, String displayName, Role role, String passwordHash,
		boolean enabled, int failedLogins, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

	/**
	 * Whether the account is locked at the given time.
	 * @param now the time
	 * @return true while a lockout lasts
	 */
	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
