package io.fleetgrid.stream.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.fleetgrid.contracts.event.DeviceState;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open state stream: the newest not yet sent state per device (a slow client gets
 * fewer, never stale, updates), bounded by {@code maxPending} devices, and the loop that
 * writes them and the heartbeats to the client. The loop runs on its own (virtual)
 * thread, so a client that reads slowly only delays itself: {@link #offer} never waits
 * for the network.
 */
final class StateSubscription implements Runnable {

	/** Why a subscription ended. */
	enum End {

		/** Still open. */
		NONE,
		/** The client went away, the request completed or the service shuts down. */
		CLOSED,
		/** More than {@code maxPending} devices waited for the client. */
		OVERFLOW

	}

	private final DeviceScope scope;

	private final SseEmitter emitter;

	private final Duration heartbeat;

	private final int maxPending;

	private final Consumer<StateSubscription> onEnd;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private Map<String, DeviceState> pending = new LinkedHashMap<>();

	private End end = End.NONE;

	StateSubscription(DeviceScope scope, SseEmitter emitter, Duration heartbeat, int maxPending,
			Consumer<StateSubscription> onEnd) {
		this.scope = scope;
		this.emitter = emitter;
		this.heartbeat = heartbeat;
		this.maxPending = maxPending;
		this.onEnd = onEnd;
	}

	DeviceScope scope() {
		return this.scope;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	/**
	 * Queues a state for the client without waiting: it replaces a still pending state of
	 * the same device; a new device beyond {@code maxPending} ends the subscription.
	 * @param state the state
	 * @return false if this offer overflowed the buffer and ended the subscription
	 */
	boolean offer(DeviceState state) {
		this.lock.lock();
		try {
			if (this.end != End.NONE) {
				return true;
			}
			if (this.pending.size() >= this.maxPending && !this.pending.containsKey(state.deviceId())) {
				this.end = End.OVERFLOW;
				this.pending.clear();
				this.changed.signal();
				return false;
			}
			this.pending.put(state.deviceId(), state);
			this.changed.signal();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Ends the subscription; the loop completes the response. */
	void close() {
		this.lock.lock();
		try {
			if (this.end == End.NONE) {
				this.end = End.CLOSED;
			}
			this.changed.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	int pendingCount() {
		this.lock.lock();
		try {
			return this.pending.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void run() {
		try {
			// Commits the response headers at once, so the client sees the stream open.
			this.emitter.send(SseEmitter.event().comment("connected"));
			long nextHeartbeat = System.nanoTime() + this.heartbeat.toNanos();
			while (true) {
				List<DeviceState> batch = take(nextHeartbeat);
				if (batch == null) {
					if (end() == End.OVERFLOW) {
						this.emitter.send(SseEmitter.event().comment("too far behind: reconnect and reload"));
					}
					break;
				}
				for (DeviceState state : batch) {
					this.emitter.send(SseEmitter.event()
						.name("state")
						.data(DeviceStateResponse.of(state), MediaType.APPLICATION_JSON));
				}
				if (System.nanoTime() - nextHeartbeat >= 0) {
					this.emitter.send(SseEmitter.event().comment("heartbeat"));
					nextHeartbeat = System.nanoTime() + this.heartbeat.toNanos();
				}
			}
			this.emitter.complete();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the request is already completed): the container
			// completes the request; nothing more to write.
			close();
		}
		catch (InterruptedException ex) {
			close();
			this.emitter.complete();
			Thread.currentThread().interrupt();
		}
		finally {
			this.onEnd.accept(this);
		}
	}

	/**
	 * Waits until states are pending, the heartbeat is due or the subscription ends.
	 * @param deadline when the next heartbeat is due ({@link System#nanoTime()})
	 * @return the pending states (possibly none when the heartbeat is due), or null once
	 * ended
	 */
	private @Nullable List<DeviceState> take(long deadline) throws InterruptedException {
		this.lock.lock();
		try {
			while (this.end == End.NONE && this.pending.isEmpty()) {
				long wait = deadline - System.nanoTime();
				if (wait <= 0) {
					return List.of();
				}
				this.changed.await(wait, TimeUnit.NANOSECONDS);
			}
			if (this.end != End.NONE) {
				return null;
			}
			List<DeviceState> batch = new ArrayList<>(this.pending.values());
			this.pending = new LinkedHashMap<>();
			return batch;
		}
		finally {
			this.lock.unlock();
		}
	}

	End end() {
		this.lock.lock();
		try {
			return this.end;
		}
		finally {
			this.lock.unlock();
		}
	}

}
