package io.fleetgrid.notification.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.NotificationProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * CRITICAL alerts waiting for an acknowledgement. An escalation is due when its alert was
 * raised longer ago than the tenant's escalation time ({@code tenant_policy}, else
 * {@code escalation.after}); the time is looked up when due escalations are searched, so
 * a policy change also applies to open escalations.
 */
@Repository
class EscalationRepository {

	private final JdbcClient jdbc;

	private final Duration defaultAfter;

	EscalationRepository(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.defaultAfter = properties.escalation().after();
	}

	/**
	 * Starts waiting (keeps an existing escalation's state and raise time).
	 * @param alert the RAISED or UPDATED CRITICAL alert
	 * @param now current time
	 */
	void open(AlertEvent alert, Instant now) {
		this.jdbc.sql("""
				insert into escalation (alert_id, tenant_id, alert, due_at, raised_at, state, updated_at)
				values (?, ?, ?, ?, ?, 'OPEN', ?)
				on conflict (alert_id) do update set alert = excluded.alert, updated_at = excluded.updated_at
				where escalation.state = 'OPEN'""")
			.params(alert.alertId(), alert.tenantId(), JsonSerdes.mapper().writeValueAsString(alert),
					Timestamp.from(alert.ts().plus(this.defaultAfter)), Timestamp.from(alert.ts()), Timestamp.from(now))
			.update();
	}

	/**
	 * Stops waiting: the alert was acknowledged or cleared; a later UPDATED does not
	 * reopen it.
	 */
	boolean stop(String alertId, Instant now) {
		return this.jdbc
			.sql("update escalation set state = 'STOPPED', updated_at = ? where alert_id = ? and state = 'OPEN'")
			.params(Timestamp.from(now), alertId)
			.update() > 0;
	}

	/**
	 * Due escalations with their tenant's escalation time, locked (call inside a
	 * transaction). Rows from before {@code raised_at} existed keep their stored due
	 * time.
	 */
	List<Due> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select e.alert, coalesce(p.escalation_minutes * 60, ?) as after_seconds
				from escalation e left join tenant_policy p on p.tenant_id = e.tenant_id
				where e.state = 'OPEN' and coalesce(
				    e.raised_at + make_interval(secs => coalesce(p.escalation_minutes * 60, ?)), e.due_at) <= ?
				order by e.raised_at nulls first limit ? for update of e skip locked""")
			.params(this.defaultAfter.toSeconds(), this.defaultAfter.toSeconds(), Timestamp.from(now), limit)
			.query((rs, row) -> new Due(JsonSerdes.mapper().readValue(rs.getString(1), AlertEvent.class),
					Duration.ofSeconds(rs.getLong(2))))
			.list();
	}

	void markEscalated(String alertId, Instant now) {
		this.jdbc.sql("update escalation set state = 'ESCALATED', updated_at = ? where alert_id = ?")
			.params(Timestamp.from(now), alertId)
			.update();
	}

	/**
	 * An escalation that is due.
	 *
	 * @param alert the alert's latest transition
	 * @param after the tenant's escalation time
	 */
	record Due(AlertEvent alert, Duration after) {
	}

}
