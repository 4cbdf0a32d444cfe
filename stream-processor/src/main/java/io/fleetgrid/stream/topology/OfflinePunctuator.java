package io.fleetgrid.stream.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.stream.alert.AlertBook;
import io.fleetgrid.stream.alert.Severities;
import io.fleetgrid.stream.config.StreamSettings.Detectors;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.state.DeviceStates;
import io.fleetgrid.stream.trip.TripTracker;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@code DEVICE_OFFLINE}, raising side: a wall-clock punctuation every
 * {@code offlineCheckInterval} scans the presence of the task's devices and raises the
 * alert for each device that has not been heard of for its group's
 * {@code offlineAfterMinutes} (wall clock, measured from when its last event was
 * processed, so a backlog after a restart does not make every device look offline). The
 * alert's {@code startedAt} is the event time of the last event; the next event clears it
 * ({@link io.fleetgrid.stream.detect.OfflineDetector}). A vehicle's trip in progress ends
 * with the alert, at its last movement.
 * <p>
 * Rollups of silent devices: a device's rollup windows close with its own events (see
 * {@link io.fleetgrid.stream.rollup.RollupBuckets}). The same scan closes the windows of
 * a device that has fallen silent (for two scans at least), once its rollup clock
 * extrapolated by the wall-clock time since its newest event passes a window's end +
 * grace (the presence carries when that is due, so the scan reads only the memories of
 * devices with something to do).
 * <p>
 * Trailing device states: the {@link TelemetryProcessor} publishes a device's state at
 * most once per {@code deviceStateInterval}, so the newest state of a device that stops
 * sending inside an interval would wait for its next event (or the offline alert). A
 * second wall-clock punctuation, five times per {@code deviceStateInterval}, publishes
 * the newest state of each device of the task that was held back a whole interval ago and
 * has not been published since ({@link TrailingStates}, kept by the
 * {@link TelemetryProcessor} of the same task, oldest first: a run looks only at the
 * devices at the head and leaves the others alone).
 */
final class OfflinePunctuator implements Processor<String, byte[], String, Object> {

	private final Registry registry;

	private final Severities severities;

	private final Duration interval;

	private final Detectors detectors;

	private final TripTracker trips = new TripTracker();

	private final long stateIntervalMs;

	private final long graceMs;

	private final long intervalMs;

	private final TrailingStates.PerTask trailingStates;

	private TrailingStates trailing;

	private ProcessorContext<String, Object> context;

	private KeyValueStore<String, DeviceMemory> memories;

	private KeyValueStore<String, Presence> presences;

	OfflinePunctuator(Registry registry, Severities severities, Duration interval, Detectors detectors,
			Duration stateInterval, Duration grace, TrailingStates.PerTask trailingStates) {
		this.trailingStates = trailingStates;
		this.graceMs = grace.toMillis();
		this.intervalMs = interval.toMillis();
		this.registry = registry;
		this.severities = severities;
		this.interval = interval;
		this.detectors = detectors;
		this.stateIntervalMs = stateInterval.toMillis();
	}

	@Override
	public void init(ProcessorContext<String, Object> context) {
		this.context = context;
		this.memories = context.getStateStore(FleetGridTopology.MEMORY_STORE);
		this.presences = context.getStateStore(FleetGridTopology.PRESENCE_STORE);
		this.trailing = this.trailingStates.of(context.taskId());
		context.schedule(this.interval, PunctuationType.WALL_CLOCK_TIME, this::check);
		if (this.stateIntervalMs > 0) {
			context.schedule(Duration.ofMillis(Math.max(1, this.stateIntervalMs / 5)), PunctuationType.WALL_CLOCK_TIME,
					this::publishTrailingStates);
		}
	}

	@Override
	public void process(Record<String, byte[]> record) {
		// The telemetry itself is handled by the TelemetryProcessor; this processor only
		// shares its task and stores.
	}

	@Override
	public void close() {
		this.trailingStates.closed(this.context.taskId(), this.trailing);
	}

	void publishTrailingStates(long now) {
		this.trailing.takeHeldSince(now - this.stateIntervalMs, (deviceId) -> publishTrailingState(deviceId, now));
	}

	private void publishTrailingState(String deviceId, long now) {
		DeviceMemory memory = this.memories.get(deviceId);
		DeviceSnapshot device = this.registry.device(deviceId);
		if (memory == null || memory.lastTs == null || !memory.stateUnpublished || device == null) {
			return;
		}
		// the memory is not written back: the device's next event learns of this from the
		// tracker
		this.trailing.trailingPublished(deviceId, now);
		this.context.forward(new Record<>(deviceId,
				(Object) DeviceStates.of(memory, deviceId, device.tenantId(), device.type(), Instant.ofEpochMilli(now)),
				now));
	}

	void check(long now) {
		List<KeyValue<String, Presence>> candidates = new ArrayList<>();
		try (KeyValueIterator<String, Presence> all = this.presences.all()) {
			while (all.hasNext()) {
				KeyValue<String, Presence> entry = all.next();
				Presence presence = entry.value;
				// Rollups: only devices silent for two scans (the presence of a device
				// that
				// keeps sending is at most about one interval old), whose first window is
				// due; the others close their windows with their own events.
				if (presence.rollupsDueMs() <= now && now - presence.lastProcessedMs() >= 2 * this.intervalMs) {
					candidates.add(entry);
				}
				else if (!presence.offline()) {
					long afterMs = this.registry.thresholds(presence.tenantId(), presence.groupId())
						.offlineAfterMinutes() * 60_000L;
					if (now - presence.lastProcessedMs() >= afterMs) {
						candidates.add(entry);
					}
				}
			}
		}
		for (KeyValue<String, Presence> entry : candidates) {
			check(entry.key, entry.value, now);
		}
	}

	private void check(String deviceId, Presence candidate, long now) {
		DeviceMemory memory = this.memories.get(deviceId);
		if (memory == null) {
			return;
		}
		// The presence is rewritten only once per check interval; the memory knows when
		// the newest event was processed.
		Presence presence = (memory.lastProcessedMs > candidate.lastProcessedMs()) ? new Presence(candidate.tenantId(),
				candidate.groupId(), memory.lastProcessedMs, memory.lastTs, false, candidate.rollupsDueMs())
				: candidate;
		List<Rollup> rollups = new ArrayList<>(2);
		if (!memory.rollups.isEmpty()) {
			// where the device's clock would be had it kept sending
			long estimated = memory.rollups.clockMs() + Math.max(0, now - memory.lastProcessedMs);
			memory.rollups.closeDue(estimated, this.graceMs, deviceId, rollups);
		}
		presence = presence.withRollupsDueMs(Presence.rollupsDueMs(memory, this.graceMs));
		boolean memoryChanged = !rollups.isEmpty();
		if (memoryChanged) {
			// the next event rewrites the presence (a new window's due time)
			memory.presenceWrittenMs = 0;
		}
		long afterMs = this.registry.thresholds(presence.tenantId(), presence.groupId()).offlineAfterMinutes()
				* 60_000L;
		if (!presence.offline() && now - presence.lastProcessedMs() >= afterMs) {
			raise(deviceId, presence, memory, now, rollups);
			return;
		}
		if (memoryChanged) {
			this.memories.put(deviceId, memory);
		}
		this.presences.put(deviceId, presence);
		for (Rollup rollup : rollups) {
			this.context.forward(new Record<>(deviceId, (Object) rollup, now));
		}
	}

	private void raise(String deviceId, Presence presence, DeviceMemory memory, long now, List<Rollup> rollups) {
		// the next event rewrites the presence (offline no more)
		memory.presenceWrittenMs = 0;
		AlertBook alerts = new AlertBook(memory.alerts, this.severities, presence.tenantId(), deviceId,
				presence.groupId());
		Instant at = Instant.ofEpochMilli(now);
		Instant lastSeen = (presence.lastTs() != null) ? presence.lastTs() : at;
		long silentMinutes = (now - presence.lastProcessedMs()) / 60_000;
		alerts.raise(AlertType.DEVICE_OFFLINE, null, lastSeen, at.isBefore(lastSeen) ? lastSeen : at,
				"No data for " + silentMinutes + " min", Map.of("lastSeen", lastSeen.toString()));
		DeviceSnapshot device = this.registry.device(deviceId);
		Optional<Trip> trip = (device != null) ? this.trips.endSilent(device, memory, this.detectors)
				: Optional.empty();
		boolean publishState = device != null && memory.lastTs != null && !alerts.emitted().isEmpty();
		if (publishState) {
			memory.markStatePublished(now);
			this.trailing.published(deviceId);
		}
		this.memories.put(deviceId, memory);
		this.presences.put(deviceId, presence.withOffline(true));
		for (AlertEvent alert : alerts.emitted()) {
			this.context.forward(new Record<>(deviceId, (Object) alert, now));
		}
		trip.ifPresent((completed) -> this.context.forward(new Record<>(deviceId, (Object) completed, now)));
		if (publishState) {
			this.context.forward(new Record<>(deviceId,
					(Object) DeviceStates.of(memory, deviceId, presence.tenantId(), device.type(), at), now));
		}
		for (Rollup rollup : rollups) {
			this.context.forward(new Record<>(deviceId, (Object) rollup, now));
		}
	}

}
