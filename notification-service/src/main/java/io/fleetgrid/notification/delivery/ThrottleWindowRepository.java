package io.fleetgrid.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.serde.JsonSerdes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Throttle windows with suppressed notifications ({@code throttle_window}): counted when
 * a notification is suppressed, summarised once when the window ends.
 */
@Repository
class ThrottleWindowRepository {

	private final JdbcClient jdbc;

	ThrottleWindowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one suppressed notification in its window (call in the transaction that
	 * inserted the SUPPRESSED row, so a redelivered alert counts nothing).
	 */
	void countSuppressed(NewDelivery suppressed, Instant windowStart, Instant windowEnd, Instant now) {
		AlertEvent alert = suppressed.alert();
		this.jdbc.sql("""
				insert into throttle_window (tenant_id, device_id, alert_type, subscription_id, user_id, channel,
				    target, window_start, window_end, suppressed, last_alert, state, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'OPEN', ?)
				on conflict (tenant_id, device_id, alert_type, subscription_id, user_id, channel, window_end)
				do update set suppressed = throttle_window.suppressed + 1, last_alert = excluded.last_alert,
				    target = excluded.target, updated_at = excluded.updated_at
				where throttle_window.state = 'OPEN'""")
			.params(alert.tenantId(), alert.deviceId(), alert.type().name(), suppressed.subscriptionId(),
					(suppressed.userId() != null) ? suppressed.userId() : "", suppressed.channel().name(),
					suppressed.target(), Timestamp.from(windowStart), Timestamp.from(windowEnd),
					JsonSerdes.mapper().writeValueAsString(alert), Timestamp.from(now))
			.update();
	}

	/** Windows that ended and are not summarised yet, locked (call in a transaction). */
	List<Window> lockEnded(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from throttle_window where state = 'OPEN' and window_end <= ?
				order by window_end limit ? for update skip locked""")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> new Window(rs.getLong("id"), rs.getString("subscription_id"), rs.getString("user_id"),
					Channel.valueOf(rs.getString("channel")), rs.getString("target"),
					JsonSerdes.mapper().readValue(rs.getString("last_alert"), AlertEvent.class),
					new ThrottleSummary(rs.getInt("suppressed"), rs.getTimestamp("window_start").toInstant(),
							rs.getTimestamp("window_end").toInstant())))
			.list();
	}

	void markSummarised(long id, Instant now) {
		this.jdbc.sql("update throttle_window set state = 'SUMMARISED', updated_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/**
	 * A throttle window with suppressed notifications.
	 *
	 * @param id row id
	 * @param subscriptionId subscription
	 * @param userId recipient
	 * @param channel channel
	 * @param target address, user id or webhook id
	 * @param lastAlert the last suppressed alert
	 * @param summary count and window
	 */
	record Window(long id, String subscriptionId, String userId, Channel channel, String target, AlertEvent lastAlert,
			ThrottleSummary summary) {
	}

}
