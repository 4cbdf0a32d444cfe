package io.fleetgrid.stream.topology;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.streams.processor.TaskId;

/**
 * The devices of one task whose newest state the {@link TelemetryProcessor} held back
 * (throttled, see {@code deviceStateInterval}), oldest first: what the trailing-state
 * punctuation of the {@link OfflinePunctuator} has to look at. A device whose newest
 * state went out is not here, so the punctuation does not read its memory; with many
 * devices each sending less often than the interval, that read had been a sixth of the
 * stream thread (every device looked silent once between two of its events).
 * <p>
 * Memory only, like the order it keeps: after a crash or a rebalance a silent device's
 * trailing state waits for its next event again (its memory still says the state is
 * unpublished). Used by the stream thread of the task only.
 */
final class TrailingStates {

	/** Device → wall-clock time its state was last held back, oldest first. */
	private final Map<String, Long> held = new LinkedHashMap<>(16, 0.75f, true);

	/**
	 * Records that a device's newest state was held back (moves it to the end).
	 * @param deviceId the device
	 * @param now wall-clock time (epoch ms)
	 */
	void held(String deviceId, long now) {
		this.held.put(deviceId, now);
	}

	/**
	 * Records that a device's newest state was published.
	 * @param deviceId the device
	 */
	void published(String deviceId) {
		this.held.remove(deviceId);
	}

	/**
	 * Takes out, oldest first, every device whose state has been held back since
	 * {@code heldUntil} or earlier, and passes it on.
	 * @param heldUntil wall-clock time (epoch ms)
	 * @param action receives each device
	 */
	void takeHeldSince(long heldUntil, Consumer<String> action) {
		Iterator<Map.Entry<String, Long>> devices = this.held.entrySet().iterator();
		while (devices.hasNext()) {
			Map.Entry<String, Long> oldest = devices.next();
			if (oldest.getValue() > heldUntil) {
				// this device and all after it were held back later
				return;
			}
			devices.remove();
			action.accept(oldest.getKey());
		}
	}

	/**
	 * The number of devices with a state held back.
	 * @return the count
	 */
	int size() {
		return this.held.size();
	}

	/**
	 * The trackers of one Kafka Streams instance, one per task, shared by the task's two
	 * processors (each gets it when it is initialised, whichever comes first).
	 */
	static final class PerTask {

		private final Map<TaskId, TrailingStates> tasks = new ConcurrentHashMap<>();

		/**
		 * The tracker of a task.
		 * @param task the task
		 * @return its tracker, new if it has none
		 */
		TrailingStates of(TaskId task) {
			return this.tasks.computeIfAbsent(task, (id) -> new TrailingStates());
		}

		/**
		 * Forgets a task's tracker when one of its processors closes (the other one,
		 * closing too, finds it gone; a task opened again gets a new one).
		 * @param task the task
		 * @param tracker the tracker the processor had
		 */
		void closed(TaskId task, TrailingStates tracker) {
			this.tasks.remove(task, tracker);
		}

	}

}
