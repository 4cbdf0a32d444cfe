package io.fleetgrid.auth.directory;

import java.util.List;

import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/v1/tenants/{tenantId}/users}: the users of a tenant with role,
 * e-mail and state. Only SERVICE callers reach it (the security library's
 * {@code /internal/**} rule) and the gateway never routes it. A tenant without users, or
 * one that does not exist, answers an empty list: the caller only ever asks about tenants
 * named in events it received.
 */
@RestController
class DirectoryController {

	/** Upper bound of one answer; tenants are far smaller in practice. */
	static final int MAX_USERS = 10_000;

	private final UserRepository users;

	DirectoryController(UserRepository users) {
		this.users = users;
	}

	@GetMapping("/internal/v1/tenants/{tenantId}/users")
	List<DirectoryUser> users(@PathVariable String tenantId) {
		return this.users.findAllByTenant(tenantId, MAX_USERS).stream().map(DirectoryUser::of).toList();
	}

	/**
	 * A user as other services see it.
	 *
	 * @param id user id (the {@code sub} of the user's tokens)
	 * @param email e-mail address
	 * @param name display name
	 * @param role USER, FLEET_MANAGER or ADMIN
	 * @param enabled false when disabled by an ADMIN
	 * @param timeZone the user's IANA time zone, or null when unknown
	 */
	record DirectoryUser(String id, String email, String name, String role, boolean enabled, String timeZone) {

		static DirectoryUser of(AppUser user) {
			return new DirectoryUser(user.id().toString(), user.email(), user.displayName(), user.role().name(),
					user.enabled(), null);
		}

	}

}
