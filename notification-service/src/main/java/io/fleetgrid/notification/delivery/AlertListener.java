package io.fleetgrid.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.notification.directory.UserLookupException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code fleetgrid.alerts.v1} with manual acknowledgement: the offset is
 * committed only after the alert's delivery rows are committed (or, when the recipients
 * cannot be resolved yet, after the alert is parked in {@code pending_alert}). A record
 * that cannot be read or keeps failing goes to the dead-letter topic (see
 * {@link KafkaConfiguration}).
 */
@Component
class AlertListener {

	private static final Logger LOGGER = LoggerFactory.getLogger(AlertListener.class);

	private final AlertPlanner planner;

	private final PendingAlerts pending;

	AlertListener(AlertPlanner planner, PendingAlerts pending) {
		this.planner = planner;
		this.pending = pending;
	}

	@KafkaListener(id = "notification-alerts", groupId = "${fleetgrid.notification.alerts-group:notification-alerts}",
			topics = "fleetgrid.alerts.v1", containerFactory = "alertListenerContainerFactory")
	void onAlert(ConsumerRecord<String, AlertEvent> record, Acknowledgment ack) {
		AlertEvent alert = record.value();
		try {
			this.planner.plan(alert);
		}
		catch (UserLookupException ex) {
			LOGGER.warn("Recipients of alert {} v{} not resolved, retrying later: {}", alert.alertId(), alert.version(),
					ex.getMessage());
			this.pending.park(alert, ex.getMessage());
		}
		ack.acknowledge();
	}

}
