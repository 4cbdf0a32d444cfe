package io.fleetgrid.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated principal of the current request, as every service sees it. A
 * controller method may declare a {@code Caller} parameter; elsewhere use
 * {@link #current()}.
 *
 * @param subject the {@code sub} claim: user id, or client id for API clients
 * @param tenantId the tenant, or null for OPERATOR and SERVICE callers
 * @param roles the roles as granted (the hierarchy is applied by {@link #has(Role)})
 * @param name display name or e-mail for users, client id otherwise
 */
public record Caller(String subject, @Nullable String tenantId, Set<Role> roles, String name) {

	public Caller {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	/**
	 * Whether the caller has the rights of {@code role}, hierarchy included.
	 * @param role the role
	 * @return true if any granted role includes it
	 */
	public boolean has(Role role) {
		return this.roles.stream().anyMatch((granted) -> granted.includes(role));
	}

	/**
	 * The caller's tenant; every tenant-scoped query uses it.
	 * @return the tenant id
	 * @throws NoTenantException for callers without a tenant (403)
	 */
	public String tenant() {
		if (this.tenantId == null) {
			throw new NoTenantException(this.subject);
		}
		return this.tenantId;
	}

	/**
	 * Whether this is the platform operator.
	 * @return true for OPERATOR callers
	 */
	public boolean isOperator() {
		return this.roles.contains(Role.OPERATOR);
	}

	/**
	 * Whether this is another FleetGrid service.
	 * @return true for SERVICE callers
	 */
	public boolean isService() {
		return this.roles.contains(Role.SERVICE);
	}

	/**
	 * The caller of the current request.
	 * @return the caller
	 * @throws AuthenticationCredentialsNotFoundException if the request is not
	 * authenticated with a FleetGrid token
	 */
	public static Caller current() {
		return from(SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * The caller behind an authentication.
	 * @param authentication a JWT authentication
	 * @return the caller
	 * @throws AuthenticationCredentialsNotFoundException if it is not one
	 */
	public static Caller from(@Nullable Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken token) {
			return fromJwt(token.getToken());
		}
		throw new AuthenticationCredentialsNotFoundException("The request carries no FleetGrid access token");
	}

	/**
	 * The caller described by a FleetGrid access token.
	 * @param jwt the decoded token
	 * @return the caller
	 */
	public static Caller fromJwt(Jwt jwt) {
		String subject = (jwt.getSubject() != null) ? jwt.getSubject() : "unknown";
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : roleNames(jwt)) {
			Role.parse(name).ifPresent(roles::add);
		}
		String tenant = jwt.getClaimAsString(FleetGridClaims.TENANT);
		if (tenant != null && tenant.isBlank()) {
			tenant = null;
		}
		String name = firstNonBlank(jwt.getClaimAsString(FleetGridClaims.NAME),
				jwt.getClaimAsString(FleetGridClaims.EMAIL), jwt.getClaimAsString(FleetGridClaims.CLIENT_ID), subject);
		return new Caller(subject, tenant, roles, name);
	}

	static List<String> roleNames(Jwt jwt) {
		Object claim = jwt.getClaims().get(FleetGridClaims.ROLES);
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value && !value.isBlank()) {
			return List.of(value.split("[ ,]+"));
		}
		return List.of();
	}

	private static String firstNonBlank(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "unknown";
	}

}
