package io.fleetgrid.notification.delivery;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.NotificationOutcome;
import io.fleetgrid.contracts.topic.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes delivery outcomes to {@code fleetgrid.notifications.v1} (key alertId) once
 * the database change is committed, and wakes the dispatcher for new rows.
 */
@Component
class DeliveryEvents {

	private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryEvents.class);

	private final KafkaTemplate<String, NotificationOutcome> outcomes;

	private final Clock clock;

	private volatile Runnable wakeUp = () -> {
	};

	DeliveryEvents(KafkaTemplate<String, NotificationOutcome> notificationOutcomeTemplate, Clock clock) {
		this.outcomes = notificationOutcomeTemplate;
		this.clock = clock;
	}

	void onWakeUp(Runnable wakeUp) {
		this.wakeUp = wakeUp;
	}

	/**
	 * Publishes the rows' current state after the surrounding transaction commits (at
	 * once without one).
	 * @param rows the rows as stored
	 */
	void afterCommit(List<Delivery> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					publish(rows);
				}
			});
		}
		else {
			publish(rows);
		}
	}

	void publish(List<Delivery> rows) {
		for (Delivery row : rows) {
			NotificationOutcome outcome = new NotificationOutcome(row.idempotencyKey(), row.alertId(),
					row.alertVersion(), row.tenantId(), row.channel(), row.target(), row.status(), row.attempts(),
					row.reason(), this.clock.instant());
			this.outcomes.send(Topics.NOTIFICATIONS.name(), row.alertId(), outcome).whenComplete((result, ex) -> {
				if (ex != null) {
					LOGGER.warn("Outcome of notification {} not published: {}", row.id(), ex.getMessage());
				}
			});
		}
		this.wakeUp.run();
	}

}
