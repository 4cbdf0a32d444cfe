package io.fleetgrid.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of API.md. Inside a tenant they form a hierarchy: {@link #ADMIN} has every
 * right of {@link #FLEET_MANAGER}, which has every right of {@link #USER}.
 * {@link #OPERATOR} (the platform operator, outside every tenant) and {@link #SERVICE}
 * (another FleetGrid service) stand alone: neither implies any tenant role.
 */
public enum Role {

	/** Reads the devices assigned to it and manages its own subscriptions. */
	USER,
	/** Manages devices, groups, geofences and rules; acknowledges alerts. */
	FLEET_MANAGER,
	/** Manages users, API clients and everything in its tenant. */
	ADMIN,
	/** Platform operator: manages tenants, sees no tenant's data. */
	OPERATOR,
	/** Another FleetGrid service calling an internal endpoint. */
	SERVICE;

	/** The Spring Security role prefix. */
	public static final String PREFIX = "ROLE_";

	/**
	 * The Spring Security authority of this role.
	 * @return {@code ROLE_} followed by the name
	 */
	public String authority() {
		return PREFIX + name();
	}

	/**
	 * Whether a caller holding this role has every right of {@code other}.
	 * @param other the role to test
	 * @return true if this role is {@code other} or above it in the tenant hierarchy
	 */
	public boolean includes(Role other) {
		if (this == other) {
			return true;
		}
		return switch (this) {
			case ADMIN -> other == FLEET_MANAGER || other == USER;
			case FLEET_MANAGER -> other == USER;
			default -> false;
		};
	}

	/**
	 * Whether this role belongs to a tenant (USER, FLEET_MANAGER, ADMIN).
	 * @return true for the tenant roles
	 */
	public boolean isTenantRole() {
		return this == USER || this == FLEET_MANAGER || this == ADMIN;
	}

	/**
	 * Parses a role name as carried in the {@code roles} claim, case-insensitively and
	 * with or without the {@code ROLE_} prefix.
	 * @param name the name
	 * @return the role, or empty if unknown
	 */
	public static Optional<Role> parse(String name) {
		String normalized = name.trim().toUpperCase(Locale.ROOT);
		if (normalized.startsWith(PREFIX)) {
			normalized = normalized.substring(PREFIX.length());
		}
		for (Role role : values()) {
			if (role.name().equals(normalized)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
