package io.fleetgrid.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook endpoints in PostgreSQL, always scoped by tenant.
 */
@Repository
public class WebhookRepository {

	private final JdbcClient jdbc;

	/**
	 * Creates the repository.
	 * @param jdbc database
	 */
	public WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One webhook of a tenant.
	 * @param tenantId tenant
	 * @param id id
	 * @return it
	 */
	public Optional<Webhook> find(String tenantId, UUID id) {
		return this.jdbc.sql("select * from webhook where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(WebhookRepository::map)
			.optional();
	}

	/**
	 * The webhooks of a tenant.
	 * @param tenantId tenant
	 * @return them
	 */
	public List<Webhook> findByTenant(String tenantId) {
		return this.jdbc.sql("select * from webhook where tenant_id = ? order by created_at")
			.param(tenantId)
			.query(WebhookRepository::map)
			.list();
	}

	void insert(Webhook webhook) {
		this.jdbc.sql("""
				insert into webhook (id, tenant_id, url, secret, description, enabled, created_by, created_at)
				values (?, ?, ?, ?, ?, true, ?, ?)""")
			.params(webhook.id(), webhook.tenantId(), webhook.url(), webhook.secret(), webhook.description(),
					webhook.createdBy(), Timestamp.from(webhook.createdAt()))
			.update();
	}

	boolean delete(String tenantId, UUID id) {
		return this.jdbc.sql("delete from webhook where tenant_id = ? and id = ?").params(tenantId, id).update() > 0;
	}

	boolean enable(String tenantId, UUID id) {
		return this.jdbc
			.sql("update webhook set enabled = true, disabled_reason = null, failing_since = null "
					+ "where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.update() > 0;
	}

	void markSucceeded(UUID id) {
		this.jdbc.sql("update webhook set failing_since = null where id = ? and failing_since is not null")
			.param(id)
			.update();
	}

	/**
	 * Records a failure; disables the endpoint when it has been failing since before
	 * {@code disableBefore}.
	 * @return true if this call disabled the endpoint
	 */
	boolean markFailed(UUID id, Instant now, Instant disableBefore, String reason) {
		this.jdbc.sql("update webhook set failing_since = ? where id = ? and failing_since is null")
			.params(Timestamp.from(now), id)
			.update();
		return this.jdbc
			.sql("update webhook set enabled = false, disabled_reason = ? "
					+ "where id = ? and enabled and failing_since <= ?")
			.params(reason, id, Timestamp.from(disableBefore))
			.update() > 0;
	}

	private static Webhook map(ResultSet rs, int row) throws SQLException {
		Timestamp failingSince = rs.getTimestamp("failing_since");
		return new Webhook(UUID.fromString(rs.getString("id")), rs.getString("tenant_id"), rs.getString("url"),
				rs.getString("secret"), rs.getString("description"), rs.getBoolean("enabled"),
				rs.getString("disabled_reason"), (failingSince != null) ? failingSince.toInstant() : null,
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
