package io.fleetgrid.contracts.event;

import java.time.Instant;

/**
 * A tenant as published by auth-service on the compacted {@code fleetgrid.tenants.v1}
 * (key tenantId). Every service that accepts tokens or device data keeps the latest
 * snapshot per tenant, so that a suspended tenant's tokens and devices are refused within
 * seconds, not when the tokens expire.
 *
 * @param tenantId tenant id (also the record key)
 * @param name display name
 * @param status whether the tenant may use the platform
 * @param updatedAt when the status last changed
 */
public record TenantSnapshot(String tenantId, String name, Status status, Instant updatedAt) {

	public TenantSnapshot {
		Fields.requiredText(tenantId, "tenantId");
		Fields.requiredText(name, "name");
		Fields.required(status, "status");
		Fields.required(updatedAt, "updatedAt");
	}

	/**
	 * Whether this tenant may use the platform.
	 * @return true unless suspended
	 */
	public boolean active() {
		return this.status == Status.ACTIVE;
	}

	/** Lifecycle of a tenant. */
	public enum Status {

		/** Tokens and devices of the tenant are accepted. */
		ACTIVE,
		/** Tokens and devices of the tenant are refused; data is kept. */
		SUSPENDED

	}

}
