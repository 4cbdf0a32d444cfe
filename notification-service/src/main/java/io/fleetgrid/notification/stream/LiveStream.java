package io.fleetgrid.notification.stream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import io.fleetgrid.notification.delivery.Delivery;
import io.fleetgrid.notification.delivery.ThrottleSummary;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Writes are serialised (live events, replay and heartbeats come from
 * different threads). While the stream replays what its client missed, live events are
 * buffered; afterwards those not already replayed are sent, so an event is written once
 * even when it is both in the replay and announced live.
 */
final class LiveStream {

	private final SseEmitter emitter;

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable List<Delivery> buffered = new ArrayList<>();

	private final Set<Long> replayed = new HashSet<>();

	private volatile boolean closed;

	LiveStream(SseEmitter emitter) {
		this.emitter = emitter;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	boolean isClosed() {
		return this.closed;
	}

	/** Sends a live event, or buffers it while the replay runs. */
	void push(Delivery delivery) {
		this.lock.lock();
		try {
			if (this.buffered != null) {
				this.buffered.add(delivery);
			}
			else {
				write(delivery);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Sends replayed events (before {@link #goLive()}). */
	void replay(List<Delivery> missed) {
		this.lock.lock();
		try {
			for (Delivery delivery : missed) {
				if (write(delivery)) {
					this.replayed.add(delivery.id());
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Ends the replay: sends the buffered live events that were not replayed. */
	void goLive() {
		this.lock.lock();
		try {
			List<Delivery> pending = this.buffered;
			this.buffered = null;
			if (pending != null) {
				for (Delivery delivery : pending) {
					if (!this.replayed.contains(delivery.id())) {
						write(delivery);
					}
				}
			}
			this.replayed.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Sends an SSE comment (heartbeat, connected). */
	void comment(String text) {
		this.lock.lock();
		try {
			if (!this.closed) {
				this.emitter.send(SseEmitter.event().comment(text));
			}
		}
		catch (IOException | IllegalStateException ex) {
			fail(ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Ends the stream (the client reconnects with {@code Last-Event-ID}). */
	void close() {
		this.closed = true;
		this.emitter.complete();
	}

	void markClosed() {
		this.closed = true;
	}

	private boolean write(Delivery delivery) {
		if (this.closed) {
			return false;
		}
		try {
			ThrottleSummary summary = delivery.summary();
			SseEmitter.SseEventBuilder event = SseEmitter.event().id(Long.toString(delivery.id()));
			if (summary == null) {
				event.name("alert")
					.data(new StreamEvent(delivery.id(), delivery.alertStatus(), delivery.alert()),
							MediaType.APPLICATION_JSON);
			}
			else {
				event.name("summary")
					.data(Map.of("notificationId", delivery.id(), "alertType", delivery.alertType(), "deviceId",
							delivery.deviceId(), "count", summary.count(), "from", summary.from().toString(), "to",
							summary.to().toString(), "text", summary.text(delivery.alertType(), delivery.deviceId())),
							MediaType.APPLICATION_JSON);
			}
			this.emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			fail(ex);
			return false;
		}
	}

	private void fail(Exception ex) {
		this.closed = true;
		this.emitter.completeWithError(ex);
	}

}
