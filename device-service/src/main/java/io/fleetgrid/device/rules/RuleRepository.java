package io.fleetgrid.device.rules;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rule settings in PostgreSQL, scoped by tenant.
 */
@Repository
class RuleRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonSerdes.mapper();

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(RuleSettings settings) {
		this.jdbc.sql("""
				insert into rule_settings (tenant_id, group_id, thresholds, updated_at)
				values (:tenant, :group, cast(:thresholds as jsonb), :updated)
				on conflict (tenant_id, group_id) do update set thresholds = excluded.thresholds,
				    updated_at = excluded.updated_at
				""")
			.param("tenant", settings.tenantId())
			.param("group", settings.groupId())
			.param("thresholds", this.json.writeValueAsString(settings.thresholds()))
			.param("updated", Timestamp.from(settings.updatedAt()))
			.update();
	}

	Optional<RuleSettings> find(String tenantId, String groupId) {
		return this.jdbc.sql("select * from rule_settings where tenant_id = :tenant and group_id = :group")
			.param("tenant", tenantId)
			.param("group", groupId)
			.query((rs, row) -> new RuleSettings(rs.getString("tenant_id"), rs.getString("group_id"),
					this.json.readValue(rs.getString("thresholds"), Thresholds.class),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	List<RuleSettings> all(String tenantId) {
		return this.jdbc.sql("select * from rule_settings where tenant_id = :tenant order by group_id")
			.param("tenant", tenantId)
			.query((rs, row) -> new RuleSettings(rs.getString("tenant_id"), rs.getString("group_id"),
					this.json.readValue(rs.getString("thresholds"), Thresholds.class),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	boolean delete(String tenantId, String groupId) {
		return this.jdbc.sql("delete from rule_settings where tenant_id = :tenant and group_id = :group")
			.param("tenant", tenantId)
			.param("group", groupId)
			.update() == 1;
	}

}
