package io.fleetgrid.notification.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code tenant_policy}: one row per tenant that changed a default. The escalation search
 * reads {@code escalation_minutes} in SQL (see the delivery package).
 */
@Repository
class TenantPolicyRepository {

	private final JdbcClient jdbc;

	TenantPolicyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String tenantId) {
		return this.jdbc.sql("select escalation_minutes, updated_by, updated_at from tenant_policy where tenant_id = ?")
			.param(tenantId)
			.query((rs, row) -> {
				int minutes = rs.getInt(1);
				return new Stored(rs.wasNull() ? null : minutes, rs.getString(2), rs.getTimestamp(3).toInstant());
			})
			.optional();
	}

	void save(String tenantId, @Nullable Integer escalationMinutes, String updatedBy, Instant now) {
		this.jdbc.sql("""
				insert into tenant_policy (tenant_id, escalation_minutes, updated_by, updated_at) values (?, ?, ?, ?)
				on conflict (tenant_id) do update set escalation_minutes = excluded.escalation_minutes,
				    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(tenantId, escalationMinutes, updatedBy, Timestamp.from(now))
			.update();
	}

	/**
	 * A stored policy.
	 *
	 * @param escalationMinutes the tenant's escalation time, or null for the default
	 * @param updatedBy who changed it
	 * @param updatedAt when
	 */
	record Stored(@Nullable Integer escalationMinutes, String updatedBy, Instant updatedAt) {
	}

}
