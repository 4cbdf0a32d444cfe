package io.fleetgrid.device.geofence;

import java.util.List;
import java.util.Optional;

import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Geofences in PostgreSQL, stored as their snapshot (JSON) with the tenant and id as
 * columns; every query is scoped by tenant.
 */
@Repository
class GeofenceRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonSerdes.mapper();

	GeofenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(GeofenceSnapshot geofence) {
		this.jdbc
			.sql("""
					insert into geofence (tenant_id, id, snapshot, updated_at) values (:tenant, :id, cast(:snapshot as jsonb), now())
					on conflict (id) do update set snapshot = excluded.snapshot, updated_at = now()
					where geofence.tenant_id = excluded.tenant_id
					""")
			.param("tenant", geofence.tenantId())
			.param("id", geofence.geofenceId())
			.param("snapshot", this.json.writeValueAsString(geofence))
			.update();
	}

	Optional<GeofenceSnapshot> find(String tenantId, String id, boolean forUpdate) {
		return this.jdbc
			.sql("select snapshot from geofence where tenant_id = :tenant and id = :id"
					+ (forUpdate ? " for update" : ""))
			.param("tenant", tenantId)
			.param("id", id)
			.query((rs, row) -> this.json.readValue(rs.getString(1), GeofenceSnapshot.class))
			.optional();
	}

	List<GeofenceSnapshot> all(String tenantId) {
		return this.jdbc.sql("select snapshot from geofence where tenant_id = :tenant order by id")
			.param("tenant", tenantId)
			.query((rs, row) -> this.json.readValue(rs.getString(1), GeofenceSnapshot.class))
			.list();
	}

	boolean delete(String tenantId, String id) {
		return this.jdbc.sql("delete from geofence where tenant_id = :tenant and id = :id")
			.param("tenant", tenantId)
			.param("id", id)
			.update() == 1;
	}

}
