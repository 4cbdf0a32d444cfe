package io.fleetgrid.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.NotificationProperties;
import io.fleetgrid.notification.directory.UserLookupException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts whose recipients could not be resolved (auth-service unreachable) wait in
 * {@code pending_alert} and are planned again every {@code directory.retry-pending-after}
 * until it works: a failed lookup is never a dropped alert. Escalations that are due are
 * planned here too.
 */
@Component
class PendingAlerts {

	private static final Logger LOGGER = LoggerFactory.getLogger(PendingAlerts.class);

	private final JdbcClient jdbc;

	private final AlertPlanner planner;

	private final EscalationRepository escalations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final NotificationProperties properties;

	PendingAlerts(JdbcClient jdbc, AlertPlanner planner, EscalationRepository escalations,
			TransactionTemplate transactions, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.planner = planner;
		this.escalations = escalations;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	void park(AlertEvent alert, String error) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into pending_alert (alert_id, alert_version, alert_status, tenant_id, alert, attempts,
				    next_attempt_at, last_error) values (?, ?, ?, ?, ?, 1, ?, ?)
				on conflict (alert_id, alert_version, alert_status) do nothing""")
			.params(alert.alertId(), alert.version(), alert.status().name(), alert.tenantId(),
					JsonSerdes.mapper().writeValueAsString(alert),
					Timestamp.from(now.plus(this.properties.directory().retryPendingAfter())), error)
			.update();
	}

	/**
	 * Retries parked alerts and plans due escalations.
	 */
	@Scheduled(fixedDelayString = "${fleetgrid.notification.dispatch.poll-interval:1s}")
	void retry() {
		retryPending();
		escalate();
	}

	void retryPending() {
		Instant now = this.clock.instant();
		List<AlertEvent> due = this.jdbc
			.sql("select alert from pending_alert where next_attempt_at <= ? order by next_attempt_at limit 50")
			.param(Timestamp.from(now))
			.query((rs, row) -> JsonSerdes.mapper().readValue(rs.getString(1), AlertEvent.class))
			.list();
		for (AlertEvent alert : due) {
			try {
				this.planner.plan(alert);
				this.jdbc.sql("delete from pending_alert where alert_id = ? and alert_version = ? and alert_status = ?")
					.params(alert.alertId(), alert.version(), alert.status().name())
					.update();
			}
			catch (UserLookupException ex) {
				this.jdbc.sql("""
						update pending_alert set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
						where alert_id = ? and alert_version = ? and alert_status = ?""")
					.params(Timestamp.from(now.plus(this.properties.directory().retryPendingAfter())), ex.getMessage(),
							alert.alertId(), alert.version(), alert.status().name())
					.update();
			}
		}
	}

	/**
	 * Plans the escalations that are due: CRITICAL alerts neither acknowledged nor
	 * cleared within the tenant's escalation time.
	 */
	void escalate() {
		if (!this.properties.escalation().enabled()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			for (EscalationRepository.Due due : this.escalations.lockDue(now, 20)) {
				try {
					this.planner.planEscalation(due.alert(), due.after());
					this.escalations.markEscalated(due.alert().alertId(), now);
				}
				catch (UserLookupException ex) {
					LOGGER.warn("Escalation of {} postponed: {}", due.alert().alertId(), ex.getMessage());
				}
			}
		});
	}

}
