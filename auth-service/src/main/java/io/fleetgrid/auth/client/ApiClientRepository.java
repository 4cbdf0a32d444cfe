package io.fleetgrid.auth.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fleetgrid.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API clients in PostgreSQL.
 */
@Repository
public class ApiClientRepository {

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds a client by its OAuth2 client id.
	 * @param clientId the client id
	 * @return the client, if any
	 */
	public Optional<ApiClient> findByClientId(String clientId) {
		return this.jdbc.sql("select * from api_client where client_id = ?")
			.param(clientId)
			.query(ApiClientRepository::map)
			.optional();
	}

	/**
	 * Finds a client by its OAuth2 client id if its tenant is active (or it has none).
	 * @param clientId the client id
	 * @return the client, if any and usable
	 */
	public Optional<ApiClient> findUsableByClientId(String clientId) {
		return this.jdbc.sql("""
				select c.* from api_client c left join tenant t on t.id = c.tenant_id
				where c.client_id = ? and (c.tenant_id is null or t.status = 'ACTIVE')""")
			.param(clientId)
			.query(ApiClientRepository::map)
			.optional();
	}

	/**
	 * Finds a client by its internal id.
	 * @param id the id
	 * @return the client, if any
	 */
	public Optional<ApiClient> findById(UUID id) {
		return this.jdbc.sql("select * from api_client where id = ?")
			.param(id)
			.query(ApiClientRepository::map)
			.optional();
	}

	Optional<ApiClient> findInTenant(String tenantId, String clientId) {
		return this.jdbc.sql("select * from api_client where tenant_id = ? and client_id = ?")
			.params(tenantId, clientId)
			.query(ApiClientRepository::map)
			.optional();
	}

	List<ApiClient> findByTenant(String tenantId, int page, int size) {
		return this.jdbc
			.sql("select * from api_client where tenant_id = ? order by created_at, client_id limit ? offset ?")
			.params(tenantId, size, (long) page * size)
			.query(ApiClientRepository::map)
			.list();
	}

	long countByTenant(String tenantId) {
		return this.jdbc.sql("select count(*) from api_client where tenant_id = ?")
			.param(tenantId)
			.query(Long.class)
			.single();
	}

	void insert(ApiClient client) {
		this.jdbc.sql("""
				insert into api_client (id, client_id, tenant_id, name, role, secret_hash, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(client.id(), client.clientId(), client.tenantId(), client.name(), client.role().name(),
					client.secretHash(), Timestamp.from(client.createdAt()), Timestamp.from(client.updatedAt()))
			.update();
	}

	void updateSecret(UUID id, String secretHash, Instant now) {
		this.jdbc.sql("update api_client set secret_hash = ?, updated_at = ? where id = ?")
			.params(secretHash, Timestamp.from(now), id)
			.update();
	}

	void updateBootstrap(UUID id, String tenantId, Role role, String name, Instant now) {
		this.jdbc.sql("update api_client set tenant_id = ?, role = ?, name = ?, updated_at = ? where id = ?")
			.params(tenantId, role.name(), name, Timestamp.from(now), id)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from api_client where id = ?").param(id).update();
	}

	private static ApiClient map(ResultSet rs, int row) throws SQLException {
		return new ApiClient(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("tenant_id"),
				rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getString("secret_hash"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
