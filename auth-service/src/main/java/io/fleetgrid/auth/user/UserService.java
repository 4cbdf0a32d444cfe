package io.fleetgrid.auth.user;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fleetgrid.auth.account.AccountMailer;
import io.fleetgrid.auth.audit.AuditPublisher;
import io.fleetgrid.auth.tenant.Tenant;
import io.fleetgrid.auth.tenant.TenantRepository;
import io.fleetgrid.auth.web.PageResponse;
import io.fleetgrid.auth.web.ProblemException;
import io.fleetgrid.contracts.event.AuditEvent.Outcome;
import io.fleetgrid.security.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a tenant's users. Every method taking a tenant id is scoped to it: another
 * tenant's user is not found.
 */
@Service
public class UserService {

	/** Roles a tenant's users may have. */
	static final Set<Role> TENANT_ROLES = EnumSet.of(Role.USER, Role.FLEET_MANAGER, Role.ADMIN);

	private final UserRepository users;

	private final TenantRepository tenants;

	private final AccountMailer mailer;

	private final PasswordEncoder passwordEncoder;

	private final AuditPublisher audit;

	private final Clock clock;

	UserService(UserRepository users, TenantRepository tenants, AccountMailer mailer, PasswordEncoder passwordEncoder,
			AuditPublisher audit, Clock clock) {
		this.users = users;
		this.tenants = tenants;
		this.mailer = mailer;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a user; without password, invites them by mail.
	 * @param tenantId the tenant
	 * @param request the user
	 * @param actor who creates it
	 * @return the user
	 */
	@Transactional
	public UserView create(String tenantId, UserRequests.Create request, String actor) {
		checkRole(request.role());
		String email = request.email().trim().toLowerCase(Locale.ROOT);
		if (this.users.findByEmail(email).isPresent()) {
			throw ProblemException.conflict("email: a user with the address " + email + " already exists");
		}
		Tenant tenant = this.tenants.find(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant " + tenantId));
		Instant now = this.clock.instant();
		AppUser user = new AppUser(UUID.randomUUID(), tenantId, email, request.displayName().trim(), request.role(),
				(request.password() != null) ? this.passwordEncoder.encode(request.password()) : null, true, 0, null,
				now, now);
		this.users.insert(user);
		if (request.password() == null) {
			this.mailer.sendInvitation(user, tenant.name());
			this.audit.success(tenantId, actor, "USER_INVITED", user.id().toString());
		}
		else {
			this.audit.success(tenantId, actor, "USER_CREATED", user.id().toString());
		}
		return UserView.of(user, now);
	}

	/**
	 * Lists a tenant's users.
	 * @param tenantId the tenant
	 * @param page page from 0
	 * @param size page size
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public PageResponse<UserView> list(String tenantId, int page, int size) {
		Instant now = this.clock.instant();
		return new PageResponse<>(
				this.users.findByTenant(tenantId, page, size).stream().map((user) -> UserView.of(user, now)).toList(),
				page, size, this.users.countByTenant(tenantId));
	}

	/**
	 * Gets a tenant's user.
	 * @param tenantId the tenant
	 * @param id the user id
	 * @return the user
	 */
	@Transactional(readOnly = true)
	public UserView get(String tenantId, UUID id) {
		return UserView.of(find(tenantId, id), this.clock.instant());
	}

	/**
	 * Changes a user's name, role or enabled flag. ADMINs cannot demote or disable
	 * themselves (the tenant would risk having no ADMIN).
	 * @param tenantId the tenant
	 * @param id the user
	 * @param request the changes
	 * @param actor who changes it
	 * @return the user
	 */
	@Transactional
	public UserView update(String tenantId, UUID id, UserRequests.Update request, String actor) {
		AppUser user = find(tenantId, id);
		Role role = (request.role() != null) ? request.role() : user.role();
		checkRole(role);
		boolean enabled = (request.enabled() != null) ? request.enabled() : user.enabled();
		boolean self = id.toString().equals(actor);
		if (self && (role != user.role() || !enabled)) {
			throw ProblemException.conflict("You cannot change your own role or disable yourself");
		}
		String displayName = (request.displayName() != null) ? request.displayName().trim() : user.displayName();
		this.users.update(id, displayName, role, enabled, this.clock.instant());
		if (role != user.role()) {
			this.audit.publish(tenantId, actor, "USER_ROLE_CHANGED", id.toString(), Outcome.SUCCESS,
					Map.of("from", user.role().name(), "to", role.name()));
		}
		if (enabled != user.enabled()) {
			this.audit.success(tenantId, actor, enabled ? "USER_ENABLED" : "USER_DISABLED", id.toString());
		}
		if (!displayName.equals(user.displayName())) {
			this.audit.success(tenantId, actor, "USER_UPDATED", id.toString());
		}
		return get(tenantId, id);
	}

	/**
	 * Deletes a user.
	 * @param tenantId the tenant
	 * @param id the user
	 * @param actor who deletes it
	 */
	@Transactional
	public void delete(String tenantId, UUID id, String actor) {
		AppUser user = find(tenantId, id);
		if (id.toString().equals(actor)) {
			throw ProblemException.conflict("You cannot delete yourself");
		}
		this.users.delete(user.id());
		this.audit.success(tenantId, actor, "USER_DELETED", id.toString());
	}

	/**
	 * The caller's own profile.
	 * @param subject the caller's token subject
	 * @return the user
	 */
	@Transactional(readOnly = true)
	public UserView me(String subject) {
		return UserView.of(self(subject), this.clock.instant());
	}

	/**
	 * Changes the caller's own name or password.
	 * @param subject the caller's token subject
	 * @param request the changes
	 * @return the user
	 */
	@Transactional
	public UserView updateMe(String subject, UserRequests.UpdateMe request) {
		AppUser user = self(subject);
		Instant now = this.clock.instant();
		if (request.newPassword() != null) {
			if (request.currentPassword() == null || user.passwordHash() == null
					|| !this.passwordEncoder.matches(request.currentPassword(), user.passwordHash())) {
				throw ProblemException.badRequest("currentPassword: does not match the current password");
			}
			this.users.updatePassword(user.id(), this.passwordEncoder.encode(request.newPassword()), now);
			this.audit.success(user.tenantId(), subject, "PASSWORD_CHANGED", subject);
		}
		if (request.displayName() != null && !request.displayName().trim().equals(user.displayName())) {
			this.users.update(user.id(), request.displayName().trim(), user.role(), user.enabled(), now);
			this.audit.success(user.tenantId(), subject, "USER_UPDATED", subject);
		}
		return me(subject);
	}

	private AppUser self(String subject) {
		try {
			return this.users.findById(UUID.fromString(subject))
				.orElseThrow(() -> ProblemException.notFound("User " + subject));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.notFound("User profile of API client " + subject);
		}
	}

	private AppUser find(String tenantId, UUID id) {
		return this.users.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("User " + id));
	}

	private static void checkRole(Role role) {
		if (!TENANT_ROLES.contains(role)) {
			throw ProblemException.badRequest("role: must be one of USER, FLEET_MANAGER, ADMIN");
		}
	}

}
