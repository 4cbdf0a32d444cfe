package io.fleetgrid.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.fleetgrid.contracts.event.NotificationOutcome.Channel;
import io.fleetgrid.contracts.event.NotificationOutcome.DeliveryStatus;
import io.fleetgrid.notification.NotificationProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due PENDING deliveries, one at a time on one thread. Each send happens inside the
 * transaction that holds the row lock ({@code for update skip locked}) and marks the row
 * SENT, so another instance never sends the same row, and a graceful shutdown finishes
 * the row in flight before it stops. Failures are retried with exponential backoff and
 * jitter (the schedule is the row's {@code next_attempt_at}): e-mails up to
 * {@code dispatch.max-email-attempts} attempts, webhooks for {@code webhooks.retry-for}.
 * Quiet-hours digests: all due digest rows of a recipient go out as one message.
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(Dispatcher.class);

	private final DeliveryRepository repository;

	private final TransactionTemplate transactions;

	private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

	private final DeliveryEvents events;

	private final Clock clock;

	private final NotificationProperties properties;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition work = this.lock.newCondition();

	private volatile boolean running;

	private boolean signalled;

	private Thread thread;

	Dispatcher(DeliveryRepository repository, TransactionTemplate transactions, List<ChannelSender> senders,
			DeliveryEvents events, Clock clock, NotificationProperties properties) {
		this.repository = repository;
		this.transactions = transactions;
		senders.forEach((sender) -> this.senders.put(sender.channel(), sender));
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		events.onWakeUp(this::wakeUp);
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("notification-dispatcher").start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		wakeUp();
		try {
			this.thread.join(Duration.ofSeconds(30));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stops early in a shutdown, while the database and the Kafka producer are still
		// there.
		return Integer.MAX_VALUE - 100;
	}

	void wakeUp() {
		this.lock.lock();
		try {
			this.signalled = true;
			this.work.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private void loop() {
		while (this.running) {
			boolean didWork;
			try {
				didWork = dispatchOne();
			}
			catch (RuntimeException ex) {
				LOGGER.warn("Dispatch failed: {}", ex.toString());
				didWork = false;
			}
			if (!didWork) {
				awaitWork();
			}
		}
	}

	private void awaitWork() {
		this.lock.lock();
		try {
			if (!this.signalled && this.running) {
				this.work.await(this.properties.dispatch().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			}
			this.signalled = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends the next due delivery (or digest).
	 * @return whether there was one
	 */
	boolean dispatchOne() {
		List<Delivery> updated = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Delivery next = this.repository.lockNextDue(now).orElse(null);
			if (next == null) {
				return null;
			}
			List<Delivery> batch = (next.digest() && next.userId() != null)
					? this.repository.lockDueDigest(next.tenantId(), next.userId(), next.channel(), now)
					: List.of(next);
			if (batch.isEmpty()) {
				batch = List.of(next);
			}
			ChannelSender sender = this.senders.get(next.channel());
			ChannelSender.Result result = (sender != null) ? sender.send(batch)
					: ChannelSender.Result.fail("no sender for " + next.channel());
			Instant done = this.clock.instant();
			List<Delivery> rows = new ArrayList<>();
			for (Delivery row : batch) {
				rows.add(record(row, result, batch.size(), done));
			}
			return rows;
		});
		if (updated == null) {
			return false;
		}
		this.events.publish(updated);
		return true;
	}

	private Delivery record(Delivery row, ChannelSender.Result result, int batchSize, Instant now) {
		int attempts = row.attempts() + 1;
		if (result.sent()) {
			String note = (batchSize > 1) ? "sent in a digest of " + batchSize : result.detail();
			this.repository.markSent(row.id(), now, note);
			return with(row, DeliveryStatus.SENT, note, attempts, row.nextAttemptAt());
		}
		String error = (result.detail() != null) ? result.detail() : "failed";
		if (result.permanent() || givesUp(row, attempts, now)) {
			this.repository.markFailed(row.id(), now, error);
			return with(row, DeliveryStatus.FAILED, error, attempts, row.nextAttemptAt());
		}
		Instant next = now.plus(backoff(row.channel(), attempts));
		this.repository.markRetry(row.id(), now, next, error);
		return with(row, DeliveryStatus.PENDING, error, attempts, next);
	}

	private boolean givesUp(Delivery row, int attempts, Instant now) {
		return switch (row.channel()) {
			case WEBHOOK -> !now.isBefore(row.createdAt().plus(this.properties.webhooks().retryFor()));
			case EMAIL -> attempts >= this.properties.dispatch().maxEmailAttempts();
			case WEB -> true;
		};
	}

	/**
	 * Exponential backoff with "equal jitter": half of the doubled delay, plus a random
	 * part of up to the other half.
	 */
	Duration backoff(Channel channel, int attempts) {
		Duration base = (channel == Channel.WEBHOOK) ? this.properties.webhooks().retryBase()
				: this.properties.dispatch().retryBase();
		Duration max = (channel == Channel.WEBHOOK) ? this.properties.webhooks().retryMax()
				: this.properties.dispatch().retryMax();
		long millis = base.toMillis() << Math.min(attempts - 1, 30);
		if (millis <= 0 || millis > max.toMillis()) {
			millis = max.toMillis();
		}
		long half = Math.max(1, millis / 2);
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private static Delivery with(Delivery row, DeliveryStatus status, String reason, int attempts, Instant next) {
		return new Delivery(row.id(), row.idempotencyKey(), row.tenantId(), row.alertId(), row.alertVersion(),
				row.alertStatus(), row.severity(), row.alertType(), row.deviceId(), row.alertJson(),
				row.subscriptionId(), row.userId(), row.channel(), row.target(), status, reason, row.digest(), attempts,
				next, row.createdAt(), row.sentAt(), row.summary());
	}

}
