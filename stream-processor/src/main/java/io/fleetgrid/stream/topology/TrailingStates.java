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
 * The punctuation does not write the memory back after publishing a trailing state (with
 * many devices that write, its changelog record included, was half of its cost): the
 * tracker remembers when it published, and the device's next event applies that to its
 * memory ({@link #trailingPublishedAt}) before the throttle decides. Until it is older
 * than an interval, after which the throttle lets the next state out anyway.
 * <p>
 * Memory only: after a crash or a rebalance a silent device's trailing state waits for
 * its next event again, and a device whose trailing state went out just before may
 * publish its next state less than an interval later. Used by the stream thread of the
 * task only.
 */
final class TrailingStates {

	/** Device → wall-clock time its state was last held back, oldest first. */
	private final Map<String, Long> held = new LinkedHashMap<>(16, 0.75f, true);

	/**
	 * Device → wall-clock time the punctuation published its trailing state, oldest
	 * first.
	 */
	private final Map<String, Long> trailingPublished = new LinkedHashMap<>();

	/**
	 * Records that a device's newest state was held back (moves it to the end).
	 * @param deviceId the device
	 * @param now wall-clock time (epoch ms)
	 */
	void held(String deviceId, long now) {
		this.trailingPublished.remove(deviceId);
		this.held.put(deviceId, now);
	}

	/**
	 * Records that a device's newest state was published.
	 * @param deviceId the device
	 */
	void published(String deviceId) {
		this.held.remove(deviceId);
		this.trailingPublished.remove(deviceId);
	}

	/**
	 * Records that the punctuation published a device's trailing state (and did not write
	 * its memory).
	 * @param deviceId the device
	 * @param now wall-clock time (epoch ms)
	 */
	void trailingPublished(String deviceId, long now) {
		this.trailingPublished.remove(deviceId);
		this.trailingPublished.put(deviceId, now);
	}

	/**
	 * When the punctuation published a device's trailing state, if it did within the last
	 * interval and no event of the device was recorded since.
	 * @param deviceId the device
	 * @return wall-clock time (epoch ms), or {@link Long#MIN_VALUE}
	 */
	long trailingPublishedAt(String deviceId) {
		Long at = this.trailingPublished.get(deviceId);
		return (at != null) ? at : Long.MIN_VALUE;
	}

	/**
	 * Takes out, oldest first, every device whose state has been held back since
	 * {@code heldUntil} or earlier, and passes it on.
	 * @param heldUntil wall-clock time (epoch ms)
	 * @param action receives each device
	 */
	void takeHeldSince(long heldUntil, Consumer<String> action) {
		// a trailing publication that long ago no longer holds back the next state
		Iterator<Map.Entry<String, Long>> published = this.trailingPublished.entrySet().iterator();
		while (published.hasNext() && published.next().getValue() <= heldUntil) {
			published.remove();
		}
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
	 * The number of trailing publications remembered.
	 * @return the count
	 */
	int trailingPublications() {
		return this.trailingPublished.size();
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
