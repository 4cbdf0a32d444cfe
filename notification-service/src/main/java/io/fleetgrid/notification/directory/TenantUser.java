package io.fleetgrid.notification.directory;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * A user of a tenant as auth-service's {@code GET /internal/v1/tenants/{tenantId}/users}
 * describes it (only the fields this service reads).
 *
 * @param id user id (the token subject)
 * @param email e-mail address
 * @param name display name
 * @param role USER, FLEET_MANAGER or ADMIN
 * @param enabled whether the user may log in (disabled users get nothing)
 * @param timeZone IANA time zone id, or null (UTC)
 */
public record TenantUser(String id, @Nullable String email, @Nullable String name, String role, boolean enabled,
		@Nullable String timeZone) {

	/**
	 * The user's time zone, UTC when unknown or invalid.
	 * @return the zone
	 */
	public ZoneId zone() {
		if (this.timeZone == null || this.timeZone.isBlank()) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(this.timeZone);
		}
		catch (java.time.DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

	/**
	 * Whether the user is a FLEET_MANAGER or ADMIN.
	 * @return true for managers and admins
	 */
	public boolean isManager() {
		return "FLEET_MANAGER".equals(this.role) || isAdmin();
	}

	/**
	 * Whether the user is an ADMIN.
	 * @return true for admins
	 */
	public boolean isAdmin() {
		return "ADMIN".equals(this.role);
	}

}
