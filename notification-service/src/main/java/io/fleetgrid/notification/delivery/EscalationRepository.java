package io.fleetgrid.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * CRITICAL alerts waiting for an acknowledgement.
 */
@Repository
class EscalationRepository {

	private final JdbcClient jdbc;

	EscalationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts waiting (keeps an existing escalation's state and due time). */
	void open(AlertEvent alert, Instant dueAt, Instant now) {
		this.jdbc.sql("""
				insert into escalation (alert_id, tenant_id, alert, due_at, state, updated_at)
				values (?, ?, ?, ?, 'OPEN', ?)
				on conflict (alert_id) do update set alert = excluded.alert, updated_at = excluded.updated_at
				where escalation.state = 'OPEN'""")
			.params(alert.alertId(), alert.tenantId(), JsonSerdes.mapper().writeValueAsString(alert),
					Timestamp.from(dueAt), Timestamp.from(now))
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

	/** Due escalations, locked (call inside a transaction). */
	List<AlertEvent> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				select alert from escalation where state = 'OPEN' and due_at <= ?
				order by due_at limit ? for update skip locked""")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> JsonSerdes.mapper().readValue(rs.getString(1), AlertEvent.class))
			.list();
	}

	void markEscalated(String alertId, Instant now) {
		this.jdbc.sql("update escalation set state = 'ESCALATED', updated_at = ? where alert_id = ?")
			.params(Timestamp.from(now), alertId)
			.update();
	}

}
