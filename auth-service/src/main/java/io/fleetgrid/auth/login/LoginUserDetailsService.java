package io.fleetgrid.auth.login;

import java.time.Clock;

import io.fleetgrid.auth.tenant.Tenant;
import io.fleetgrid.auth.tenant.TenantRepository;
import io.fleetgrid.auth.user.AppUser;
import io.fleetgrid.auth.user.UserRepository;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads a user for the login form by e-mail address. The principal's name is the user id
 * (it becomes the {@code sub} of the tokens). A user without password (invitation not yet
 * accepted), disabled, or of a suspended tenant is disabled; a user within a lockout is
 * locked.
 */
class LoginUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	private final TenantRepository tenants;

	private final Clock clock;

	LoginUserDetailsService(UserRepository users, TenantRepository tenants, Clock clock) {
		this.users = users;
		this.tenants = tenants;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		AppUser user = this.users.findByEmail(email.trim())
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		boolean tenantActive = this.tenants.find(user.tenantId()).map(Tenant::active).orElse(false);
		return User.withUsername(user.id().toString())
			.password((user.passwordHash() != null) ? user.passwordHash() : "{noop}")
			.roles(user.role().name())
			.disabled(!user.enabled() || user.passwordHash() == null || !tenantActive)
			.accountLocked(user.lockedAt(this.clock.instant()))
			.build();
	}

}
