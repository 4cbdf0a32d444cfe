package io.fleetgrid.auth.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.fleetgrid.contracts.event.TenantSnapshot.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tenants in PostgreSQL.
 */
@Repository
public class TenantRepository {

	private final JdbcClient jdbc;

	TenantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds a tenant.
	 * @param id tenant id
	 * @return the tenant, if it exists
	 */
	public Optional<Tenant> find(String id) {
		return this.jdbc.sql("select * from tenant where id = ?").param(id).query(TenantRepository::map).optional();
	}

	List<Tenant> findAll() {
		return this.jdbc.sql("select * from tenant order by created_at, id").query(TenantRepository::map).list();
	}

	boolean existsByName(String name) {
		return this.jdbc.sql("select count(*) from tenant where lower(name) = lower(?)")
			.param(name)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Inserts a tenant.
	 * @param id tenant id
	 * @param name display name
	 * @param now creation time
	 * @return the tenant
	 */
	public Tenant insert(String id, String name, Instant now) {
		this.jdbc.sql("insert into tenant (id, name, status, created_at, updated_at) values (?, ?, 'ACTIVE', ?, ?)")
			.params(id, name, Timestamp.from(now), Timestamp.from(now))
			.update();
		return new Tenant(id, name, Status.ACTIVE, now, now);
	}

	Optional<Tenant> updateStatus(String id, Status status, Instant now) {
		this.jdbc
			.sql("update tenant set status = ?, updated_at = ?, version = version + 1 where id = ? and status <> ?")
			.params(status.name(), Timestamp.from(now), id, status.name())
			.update();
		return find(id);
	}

	private static Tenant map(ResultSet rs, int row) throws SQLException {
		return new Tenant(rs.getString("id"), rs.getString("name"), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
