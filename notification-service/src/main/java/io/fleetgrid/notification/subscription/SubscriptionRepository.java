package io.fleetgrid.notification.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions in PostgreSQL; every query is scoped by tenant (and user).
 */
@Repository
public class SubscriptionRepository {

	private final JdbcClient jdbc;

	/**
	 * Creates the repository.
	 * @param jdbc database
	 */
	public SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The subscriptions of one user.
	 * @param tenantId tenant
	 * @param userId user
	 * @return them, oldest first
	 */
	public List<Subscription> findByUser(String tenantId, String userId) {
		return this.jdbc.sql("select * from subscription where tenant_id = ? and user_id = ? order by created_at, id")
			.params(tenantId, userId)
			.query(SubscriptionRepository::map)
			.list();
	}

	/**
	 * All subscriptions of a tenant.
	 * @param tenantId tenant
	 * @return them
	 */
	public List<Subscription> findByTenant(String tenantId) {
		return this.jdbc.sql("select * from subscription where tenant_id = ?")
			.param(tenantId)
			.query(SubscriptionRepository::map)
			.list();
	}

	/**
	 * One subscription of a user.
	 * @param tenantId tenant
	 * @param userId user
	 * @param id id
	 * @return it, if it is the user's
	 */
	public Optional<Subscription> find(String tenantId, String userId, UUID id) {
		return this.jdbc.sql("select * from subscription where tenant_id = ? and user_id = ? and id = ?")
			.params(tenantId, userId, id)
			.query(SubscriptionRepository::map)
			.optional();
	}

	/**
	 * Inserts or replaces a subscription.
	 * @param s the subscription
	 */
	public void save(Subscription s) {
		this.jdbc.sql("""
				insert into subscription (id, tenant_id, user_id, name, channels, min_severity, alert_types, group_ids,
				    device_ids, quiet_start, quiet_end, webhook_id, enabled, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do update set name = excluded.name, channels = excluded.channels,
				    min_severity = excluded.min_severity, alert_types = excluded.alert_types,
				    group_ids = excluded.group_ids, device_ids = excluded.device_ids,
				    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
				    webhook_id = excluded.webhook_id, enabled = excluded.enabled, updated_at = excluded.updated_at""")
			.params(UUID.fromString(s.id()), s.tenantId(), s.userId(), s.name(), join(s.channels()),
					s.minSeverity().name(), join(s.alertTypes()), join(s.groupIds()), join(s.deviceIds()),
					(s.quietStart() != null) ? Time.valueOf(s.quietStart()) : null,
					(s.quietEnd() != null) ? Time.valueOf(s.quietEnd()) : null, s.webhookId(), s.enabled(),
					Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()))
			.update();
	}

	/**
	 * Deletes a user's subscription.
	 * @param tenantId tenant
	 * @param userId user
	 * @param id id
	 * @return whether it existed
	 */
	public boolean delete(String tenantId, String userId, UUID id) {
		return this.jdbc.sql("delete from subscription where tenant_id = ? and user_id = ? and id = ?")
			.params(tenantId, userId, id)
			.update() > 0;
	}

	private static String join(Set<?> values) {
		return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
	}

	private static <T> Set<T> split(String text, Function<String, T> parse) {
		return Arrays.stream(text.split(",")).filter((part) -> !part.isBlank()).map(parse).collect(Collectors.toSet());
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		Time quietStart = rs.getTime("quiet_start");
		Time quietEnd = rs.getTime("quiet_end");
		String webhookId = rs.getString("webhook_id");
		return new Subscription(rs.getString("id"), rs.getString("tenant_id"), rs.getString("user_id"),
				rs.getString("name"), split(rs.getString("channels"), Channel::valueOf),
				Severity.valueOf(rs.getString("min_severity")), split(rs.getString("alert_types"), Function.identity()),
				split(rs.getString("group_ids"), Function.identity()),
				split(rs.getString("device_ids"), Function.identity()),
				(quietStart != null) ? quietStart.toLocalTime() : null,
				(quietEnd != null) ? quietEnd.toLocalTime() : null,
				(webhookId != null) ? UUID.fromString(webhookId) : null, rs.getBoolean("enabled"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
