package io.fleetgrid.security.tenant;

import java.util.Optional;

import io.fleetgrid.contracts.event.TenantSnapshot;

/**
 * The latest known status of each tenant. A tenant nobody has heard of yet counts as
 * active: the directory can only take rights away, never grant them (tokens are still
 * signed by auth-service).
 */
public interface TenantDirectory {

	/** A directory for services without Kafka: every tenant is active. */
	TenantDirectory ALL_ACTIVE = (tenantId) -> Optional.empty();

	/**
	 * The latest snapshot of a tenant.
	 * @param tenantId the tenant
	 * @return the snapshot, or empty if none was seen
	 */
	Optional<TenantSnapshot> find(String tenantId);

	/**
	 * Whether the tenant's tokens and devices must be refused.
	 * @param tenantId the tenant
	 * @return true if the latest snapshot says SUSPENDED
	 */
	default boolean isSuspended(String tenantId) {
		return find(tenantId).map((tenant) -> !tenant.active()).orElse(false);
	}

}
