package io.fleetgrid.auth.tenant;

import java.time.Instant;

import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.event.TenantSnapshot.Status;

/**
 * A tenant.
 *
 * @param id tenant id (lower-case slug)
 * @param name display name
 * @param status ACTIVE or SUSPENDED
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Tenant(String id, String name, Status status, Instant createdAt, Instant updatedAt) {

	/**
	 * Whether the tenant's users and clients may obtain tokens.
	 * @return true unless suspended
	 */
	public boolean active() {
		return this.status == Status.ACTIVE;
	}

	TenantSnapshot snapshot() {
		return new TenantSnapshot(this.id, this.name, this.status, this.updatedAt);
	}

}
