package io.fleetgrid.stream.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.stream.alert.AlertBook;
import io.fleetgrid.stream.alert.Severities;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.detect.Detection;
import io.fleetgrid.stream.detect.Detector;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.state.DeviceStates;
import io.fleetgrid.stream.trip.TripTracker;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The heart of the topology, one record at a time (key deviceId, value the raw bytes):
 * <ol>
 * <li>reads the JSON itself, so that a record that does not bind is dead-lettered within
 * the same transaction as everything else (nothing blocks the partition);</li>
 * <li>drops events of unknown or inactive devices, or of a tenant that does not own the
 * device (metric, no error);</li>
 * <li>drops duplicates (same event time and sequence number as one of the last
 * {@value DeviceMemory#RECENT} events) and passes out-of-order events to the rollups
 * only;</li>
 * <li>counts every accepted event in the device's open rollup windows
 * ({@link io.fleetgrid.stream.rollup.RollupBuckets}, part of the device memory) and emits
 * the windows that its event time closes;</li>
 * <li>runs every detector with the effective rules of the device's group, the trip
 * tracker, and emits alert steps, the completed trip and the new device state (the latter
 * throttled per device, see {@link StreamSettings#deviceStateInterval()});</li>
 * <li>writes the device's memory and presence back; any exception dead-letters the record
 * instead and leaves the state as it was.</li>
 * </ol>
 * Forwards {@link AlertEvent}, {@link io.fleetgrid.contracts.event.DeviceState},
 * {@link Trip}, {@link DeadLetter} and {@link Rollup} values.
 */
final class TelemetryProcessor implements FixedKeyProcessor<String, byte[], Object> {

	private static final Deserializer<TelemetryEvent> DESERIALIZER = TelemetryReader.deserializer();

	private final Registry registry;

	private final StreamSettings settings;

	private final Severities severities;

	private final List<Detector> detectors;

	private final StreamMetrics metrics;

	private final TripTracker trips = new TripTracker();

	private final long stateIntervalMs;

	private final long presenceRefreshMs;

	private final long graceMs;

	private final long memoryFlushMs;

	private long memoryFlushedMs;

	private final TrailingStates.PerTask trailingStates;

	private TrailingStates trailing;

	private FixedKeyProcessorContext<String, Object> context;

	private KeyValueStore<String, DeviceMemory> memories;

	private KeyValueStore<String, Presence> presences;

	private MirroredMemoryStore mirror;

	TelemetryProcessor(Registry registry, StreamSettings settings, Severities severities, List<Detector> detectors,
			StreamMetrics metrics, TrailingStates.PerTask trailingStates) {
		this.registry = registry;
		this.trailingStates = trailingStates;
		this.settings = settings;
		this.severities = severities;
		this.detectors = detectors;
		this.metrics = metrics;
		this.stateIntervalMs = settings.deviceStateInterval().toMillis();
		this.presenceRefreshMs = settings.offlineCheckInterval().toMillis();
		this.graceMs = settings.grace().toMillis();
		this.memoryFlushMs = settings.memoryFlushInterval().toMillis();
	}

	@Override
	public void init(FixedKeyProcessorContext<String, Object> context) {
		this.context = context;
		this.memories = context.getStateStore(FleetGridTopology.MEMORY_STORE);
		this.mirror = MirroredMemoryStore.of(this.memories);
		this.presences = context.getStateStore(FleetGridTopology.PRESENCE_STORE);
		this.trailing = this.trailingStates.of(context.taskId());
	}

	@Override
	public void close() {
		this.trailingStates.closed(this.context.taskId(), this.trailing);
	}

	@Override
	public void process(FixedKeyRecord<String, byte[]> record) {
		TelemetryEvent event;
		try {
			event = DESERIALIZER.deserialize(Topics.TELEMETRY.name(), record.headers(), record.value());
			if (event == null) {
				return;
			}
		}
		catch (RuntimeException ex) {
			deadLetter(record, null, "unreadable telemetry: " + ex.getMessage());
			return;
		}
		DeviceSnapshot device = this.registry.device(event.deviceId());
		if (device == null) {
			this.metrics.unknownDevice();
			return;
		}
		if (!device.active()) {
			this.metrics.inactiveDevice();
			return;
		}
		if (!device.tenantId().equals(event.tenantId())) {
			this.metrics.tenantMismatch();
			return;
		}
		List<Object> out = new ArrayList<>(4);
		DeviceMemory memory;
		try {
			memory = this.memories.get(event.deviceId());
			memory = (memory != null) ? memory : new DeviceMemory();
			long identity = identity(event);
			if (memory.recent.contains(identity)) {
				this.metrics.duplicate();
				return;
			}
			memory.recent.add(identity);
			boolean inOrder = memory.lastTs == null || !event.ts().isBefore(memory.lastTs);
			if (inOrder) {
				detect(event, device, memory, out);
			}
			else {
				this.metrics.late();
			}
			boolean rollupsWereEmpty = memory.rollups.isEmpty();
			int tooLate = memory.rollups.add(event, this.graceMs);
			if (tooLate > 0) {
				this.metrics.tooLateForRollups(tooLate);
			}
			memory.rollups.closeDue(memory.rollups.clockMs(), this.graceMs, event.deviceId(), out);
			long now = this.context.currentSystemTimeMs();
			memory.lastProcessedMs = now;
			// The presence is only the offline scan's coarse filter (the punctuation
			// checks lastProcessedMs in the memory before raising, and the rollup windows
			// before closing them): rewritten at most once per check interval, not with
			// every event, and when the device's first rollup window opens.
			boolean writePresence = memory.presenceWrittenMs == 0 || rollupsWereEmpty
					|| now - memory.presenceWrittenMs >= this.presenceRefreshMs;
			if (writePresence) {
				memory.presenceWrittenMs = now;
			}
			this.memories.put(event.deviceId(), memory);
			if (inOrder && memory.stateUnpublished) {
				this.trailing.held(event.deviceId(), now);
			}
			else if (inOrder) {
				this.trailing.published(event.deviceId());
			}
			if (writePresence) {
				this.presences.put(event.deviceId(), new Presence(device.tenantId(), device.groupId(), now,
						memory.lastTs, false, Presence.rollupsDueMs(memory, this.graceMs)));
			}
		}
		catch (RuntimeException ex) {
			if (this.mirror != null) {
				// the memory object may be half-changed: read the stored one next time
				this.mirror.forget(event.deviceId());
			}
			deadLetter(record, event, "processing failed: " + ex);
			return;
		}
		maybeFlushMemories();
		for (Object value : out) {
			Instant ts = switch (value) {
				case AlertEvent alert -> alert.ts();
				case Rollup rollup -> rollup.windowEnd().minusMillis(1);
				case Trip trip -> trip.endedAt();
				default -> event.ts();
			};
			this.context.forward(record.withValue(value).withTimestamp(ts.toEpochMilli()));
		}
	}

	/**
	 * Writes the memories cached since the last flush to RocksDB and the changelog, if
	 * the flush interval has passed (see {@link StreamSettings#memoryFlushInterval()}).
	 */
	private void maybeFlushMemories() {
		if (this.memoryFlushMs <= 0 || this.mirror == null) {
			return;
		}
		long now = this.context.currentSystemTimeMs();
		if (now - this.memoryFlushedMs >= this.memoryFlushMs) {
			this.memoryFlushedMs = now;
			this.mirror.flushCache();
		}
	}

	private void detect(TelemetryEvent event, DeviceSnapshot device, DeviceMemory memory, List<Object> out) {
		AlertBook alerts = new AlertBook(memory.alerts, this.severities, device.tenantId(), device.deviceId(),
				device.groupId());
		Detection detection = new Detection(event, device,
				this.registry.thresholds(device.tenantId(), device.groupId()), this.settings.detectors(), memory,
				alerts, this.registry.geofences());
		for (Detector detector : this.detectors) {
			detector.detect(detection);
		}
		Optional<Trip> trip = this.trips.track(detection);
		Object ignitionBefore = memory.metrics.get("ignition");
		advance(memory, event, detection.position());
		out.addAll(alerts.emitted());
		trip.ifPresent(out::add);
		long now = this.context.currentSystemTimeMs();
		long trailingPublishedAt = this.trailing.trailingPublishedAt(device.deviceId());
		if (trailingPublishedAt > memory.statePublishedMs) {
			// the punctuation published the held-back state without writing the memory
			memory.markStatePublished(trailingPublishedAt);
		}
		if (this.stateIntervalMs <= 0 || raisedOrCleared(alerts.emitted())
				|| !Objects.equals(ignitionBefore, memory.metrics.get("ignition"))
				|| now - memory.statePublishedMs >= this.stateIntervalMs) {
			memory.markStatePublished(now);
			out.add(DeviceStates.of(memory, device.deviceId(), device.tenantId(), event.deviceType(),
					Instant.ofEpochMilli(now)));
		}
		else {
			memory.stateUnpublished = true;
		}
		this.metrics.processed();
	}

	/**
	 * Whether a step changed which alerts are active (the state lists them); an UPDATED
	 * step changes nothing the state shows.
	 */
	private static boolean raisedOrCleared(List<AlertEvent> steps) {
		for (AlertEvent step : steps) {
			if (step.status() != AlertEvent.Status.UPDATED) {
				return true;
			}
		}
		return false;
	}

	private static void advance(DeviceMemory memory, TelemetryEvent event, GeoPoint position) {
		memory.lastTs = event.ts();
		memory.lastSeq = event.seq();
		event.number("speedKph").ifPresent((speed) -> {
			memory.lastSpeedKph = speed;
			memory.lastSpeedTs = event.ts();
		});
		if (position != null) {
			memory.lastPosition = position;
		}
		// forEach: putAll of the unmodifiable map wraps every entry
		event.metrics().forEach(memory.metrics::put);
	}

	/**
	 * An event's identity for the duplicate check: its event time and sequence number.
	 */
	private static long identity(TelemetryEvent event) {
		long seq = (event.seq() != null) ? event.seq() : -1;
		return event.ts().toEpochMilli() * 1_000_003L + seq;
	}

	private void deadLetter(FixedKeyRecord<String, byte[]> record, TelemetryEvent event, String reason) {
		this.metrics.deadLettered();
		DeadLetter letter = DeadLetter.of(record.key(), (event != null) ? event.tenantId() : null, "stream-processor",
				reason, List.of(), Instant.ofEpochMilli(this.context.currentSystemTimeMs()), record.value());
		this.context.forward(record.withValue((Object) letter));
	}

}
