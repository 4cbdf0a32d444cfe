package io.fleetgrid.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a throttle window with suppressed notifications ends, plans one summary
 * notification for its (subscription, recipient, channel): "n more OVERSPEED alerts for
 * veh-1 suppressed between … and …". The summary row is inserted under its own
 * idempotency key in the transaction that marks the window summarised, so it is planned
 * once across restarts and instances, and then delivered like any other row.
 */
@Component
class ThrottleSummaries {

	private final ThrottleWindowRepository windows;

	private final DeliveryRepository deliveries;

	private final DeliveryEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ThrottleSummaries(ThrottleWindowRepository windows, DeliveryRepository deliveries, DeliveryEvents events,
			TransactionTemplate transactions, Clock clock) {
		this.windows = windows;
		this.deliveries = deliveries;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${fleetgrid.notification.dispatch.poll-interval:1s}")
	void summariseEndedWindows() {
		Integer planned;
		do {
			planned = this.transactions.execute((status) -> summariseBatch(50));
		}
		while (planned != null && planned == 50);
	}

	/**
	 * Plans the summaries of up to {@code limit} ended windows (in the caller's
	 * transaction).
	 * @return how many windows were summarised
	 */
	int summariseBatch(int limit) {
		Instant now = this.clock.instant();
		List<ThrottleWindowRepository.Window> ended = this.windows.lockEnded(now, limit);
		List<Delivery> inserted = new ArrayList<>();
		for (ThrottleWindowRepository.Window window : ended) {
			DeliveryStatus status = (window.channel() == Channel.WEB) ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
			NewDelivery summary = new NewDelivery(window.lastAlert(), window.subscriptionId(), window.userId(),
					window.channel(), window.target(), status,
					window.summary().text(window.lastAlert().type().name(), window.lastAlert().deviceId()), false, now,
					window.summary());
			this.deliveries.insertIfAbsent(summary, now).ifPresent(inserted::add);
			this.windows.markSummarised(window.id(), now);
		}
		this.events.afterCommit(inserted);
		return ended.size();
	}

}
