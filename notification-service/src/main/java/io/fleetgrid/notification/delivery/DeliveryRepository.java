package io.fleetgrid.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;
import io.fleetgrid.contracts.serde.JsonSerdes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery rows: the idempotent insert, the dispatcher's claims and updates, and the
 * history queries (always scoped by tenant).
 */
@Repository
public class DeliveryRepository {

	/**
	 * The PostgreSQL notification channel on which every committed SENT WEB delivery is
	 * announced (payload {@link WebAnnouncement} as JSON); every instance listens and
	 * pushes it to the streams open on it.
	 */
	public static final String WEB_CHANNEL = "fleetgrid_web";

	private static final String COLUMNS = "*";

	private final JdbcClient jdbc;

	/**
	 * Creates the repository.
	 * @param jdbc database
	 */
	public DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a delivery unless one with its idempotency key exists (call inside the
	 * planning transaction). A WEB delivery is stored SENT at once and announced on
	 * {@link #WEB_CHANNEL}: PostgreSQL delivers the announcement to every listening
	 * instance when, and only if, the transaction commits.
	 * @param delivery the planned delivery
	 * @param now current time
	 * @return the stored row if it was inserted, empty if it already existed
	 */
	Optional<Delivery> insertIfAbsent(NewDelivery delivery, Instant now) {
		Timestamp ts = Timestamp.from(now);
		boolean sent = delivery.status() == DeliveryStatus.SENT;
		ThrottleSummary summary = delivery.summary();
		Optional<Delivery> row = this.jdbc.sql("""
				insert into delivery (idempotency_key, tenant_id, alert_id, alert_version, alert_status, severity,
				    alert_type, device_id, alert, subscription_id, user_id, channel, target, status, reason, digest,
				    attempts, next_attempt_at, created_at, updated_at, sent_at, summary_count, summary_from, summary_to)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (idempotency_key) do nothing
				returning *""")
			.params(delivery.idempotencyKey(), delivery.alert().tenantId(), delivery.alert().alertId(),
					delivery.alert().version(), delivery.alert().status().name(), delivery.alert().severity().name(),
					delivery.alert().type().name(), delivery.alert().deviceId(),
					JsonSerdes.mapper().writeValueAsString(delivery.alert()), delivery.subscriptionId(),
					delivery.userId(), delivery.channel().name(), delivery.target(), delivery.status().name(),
					delivery.reason(), delivery.digest(), sent ? 1 : 0, Timestamp.from(delivery.dueAt()), ts, ts,
					sent ? ts : null, (summary != null) ? summary.count() : null,
					(summary != null) ? Timestamp.from(summary.from()) : null,
					(summary != null) ? Timestamp.from(summary.to()) : null)
			.query(DeliveryRepository::map)
			.optional();
		row.filter((d) -> d.channel() == Channel.WEB && d.status() == DeliveryStatus.SENT).ifPresent(this::announceWeb);
		return row;
	}

	/**
	 * Announces a SENT WEB delivery to every instance's live streams when the surrounding
	 * transaction commits ({@code pg_notify} is transactional).
	 * @param delivery the row
	 */
	public void announceWeb(Delivery delivery) {
		String payload = JsonSerdes.mapper()
			.writeValueAsString(new WebAnnouncement(delivery.id(), delivery.tenantId(), delivery.target()));
		this.jdbc.sql("select pg_notify(?, ?)").params(WEB_CHANNEL, payload).query((rs, row) -> 1).list();
	}

	/**
	 * The throttle state of a device, type, subscription, recipient and channel: how many
	 * non-suppressed RAISED notifications (summaries excluded) there were since an
	 * instant, and when the oldest of them was created (the start of the current window).
	 */
	Recent recent(String tenantId, String deviceId, String alertType, String subscriptionId, @Nullable String userId,
			Channel channel, Instant since) {
		return this.jdbc.sql("""
				select count(*), min(created_at) from delivery where tenant_id = ? and device_id = ?
				    and alert_type = ? and subscription_id = ? and coalesce(user_id, '') = ? and channel = ?
				    and created_at >= ? and alert_status = 'RAISED' and status <> 'SUPPRESSED'
				    and summary_count is null""")
			.params(tenantId, deviceId, alertType, subscriptionId, (userId != null) ? userId : "", channel.name(),
					Timestamp.from(since))
			.query((rs, row) -> {
				Timestamp oldest = rs.getTimestamp(2);
				return new Recent(rs.getInt(1), (oldest != null) ? oldest.toInstant() : since);
			})
			.single();
	}

	/**
	 * SENT WEB deliveries by id (live stream fan-out).
	 * @param ids the ids
	 * @return the rows, by id
	 */
	public List<Delivery> sentWeb(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from delivery where id in (:ids) and channel = 'WEB' and status = 'SENT' order by id")
			.param("ids", ids)
			.query(DeliveryRepository::map)
			.list();
	}

	/**
	 * Locks the next due PENDING row (call inside a transaction).
	 */
	Optional<Delivery> lockNextDue(Instant now) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from delivery where status = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at, id limit 1 for update skip locked""")
			.param(Timestamp.from(now))
			.query(DeliveryRepository::map)
			.optional();
	}

	/**
	 * Locks every due digest row of a recipient and channel (call inside a transaction).
	 */
	List<Delivery> lockDueDigest(String tenantId, String userId, Channel channel, Instant now) {
		return this.jdbc.sql("""
				select * from delivery where status = 'PENDING' and digest and tenant_id = ? and user_id = ?
				    and channel = ? and next_attempt_at <= ?
				order by id for update skip locked""")
			.params(tenantId, userId, channel.name(), Timestamp.from(now))
			.query(DeliveryRepository::map)
			.list();
	}

	void markSent(long id, Instant now, @Nullable String note) {
		this.jdbc.sql("""
				update delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, updated_at = ?,
				    reason = case when summary_count is null then ? else reason end where id = ?""")
			.params(Timestamp.from(now), Timestamp.from(now), note, id)
			.update();
	}

	void markRetry(long id, Instant now, Instant nextAttemptAt, String error) {
		this.jdbc.sql("""
				update delivery set attempts = attempts + 1, next_attempt_at = ?, updated_at = ?, reason = ?
				where id = ?""").params(Timestamp.from(nextAttemptAt), Timestamp.from(now), error, id).update();
	}

	void markFailed(long id, Instant now, String error) {
		this.jdbc.sql(
				"update delivery set status = 'FAILED', attempts = attempts + 1, updated_at = ?, reason = ? where id = ?")
			.params(Timestamp.from(now), error, id)
			.update();
	}

	/**
	 * Puts a FAILED delivery of a tenant back in the queue (manual redelivery).
	 * @return the row, if it exists in the tenant and was FAILED
	 */
	Optional<Delivery> requeueFailed(String tenantId, long id, Instant now) {
		return this.jdbc.sql("""
				update delivery set status = 'PENDING', next_attempt_at = ?, updated_at = ?,
				    reason = 'manual redelivery', created_at = ?
				where tenant_id = ? and id = ? and status = 'FAILED' returning *""")
			.params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), tenantId, id)
			.query(DeliveryRepository::map)
			.optional();
	}

	/**
	 * A delivery of a tenant.
	 */
	Optional<Delivery> find(String tenantId, long id) {
		return this.jdbc.sql("select * from delivery where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(DeliveryRepository::map)
			.optional();
	}

	/**
	 * History, newest first: a user's own, or (userId null) the tenant's.
	 */
	List<Delivery> history(String tenantId, @Nullable String userId, @Nullable DeliveryStatus status,
			@Nullable Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select * from delivery where tenant_id = :tenant");
		if (userId != null) {
			sql.append(" and user_id = :user");
		}
		if (status != null) {
			sql.append(" and status = :status");
		}
		if (beforeId != null) {
			sql.append(" and id < :before");
		}
		sql.append(" order by id desc limit :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("tenant", tenantId)
			.param("limit", limit);
		if (userId != null) {
			statement = statement.param("user", userId);
		}
		if (status != null) {
			statement = statement.param("status", status.name());
		}
		if (beforeId != null) {
			statement = statement.param("before", beforeId);
		}
		return statement.query(DeliveryRepository::map).list();
	}

	/**
	 * A user's WEB deliveries after an id, oldest first (stream replay).
	 */
	public List<Delivery> webAfter(String tenantId, String userId, long afterId, int limit) {
		return this.jdbc.sql("""
				select * from (select * from delivery where tenant_id = ? and user_id = ? and channel = 'WEB'
				    and status = 'SENT' and id > ? order by id desc limit ?) recent order by id""")
			.params(tenantId, userId, afterId, limit)
			.query(DeliveryRepository::map)
			.list();
	}

	static Delivery map(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		int summaryCount = rs.getInt("summary_count");
		ThrottleSummary summary = rs.wasNull() ? null : new ThrottleSummary(summaryCount,
				rs.getTimestamp("summary_from").toInstant(), rs.getTimestamp("summary_to").toInstant());
		return new Delivery(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("tenant_id"),
				rs.getString("alert_id"), rs.getLong("alert_version"), rs.getString("alert_status"),
				rs.getString("severity"), rs.getString("alert_type"), rs.getString("device_id"), rs.getString("alert"),
				rs.getString("subscription_id"), rs.getString("user_id"), Channel.valueOf(rs.getString("channel")),
				rs.getString("target"), DeliveryStatus.valueOf(rs.getString("status")), rs.getString("reason"),
				rs.getBoolean("digest"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), (sentAt != null) ? sentAt.toInstant() : null, summary);
	}

	/**
	 * Throttle state.
	 *
	 * @param count notifications in the window
	 * @param oldest when the oldest of them was created
	 */
	record Recent(int count, Instant oldest) {
	}

	/**
	 * The payload of a {@link #WEB_CHANNEL} announcement.
	 *
	 * @param id delivery id
	 * @param tenantId tenant
	 * @param userId recipient
	 */
	public record WebAnnouncement(long id, String tenantId, String userId) {
	}

}
