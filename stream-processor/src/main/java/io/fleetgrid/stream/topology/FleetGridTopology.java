package io.fleetgrid.stream.topology;

import java.util.List;
import java.util.function.Function;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.serde.EventSerializer;
import io.fleetgrid.contracts.serde.EventType;
import io.fleetgrid.contracts.serde.EventTypes;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.stream.alert.AlertEventJson;
import io.fleetgrid.stream.alert.Severities;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.detect.Detector;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.detect.DtcDetector;
import io.fleetgrid.stream.detect.EngineOverheatDetector;
import io.fleetgrid.stream.detect.GeofenceDetector;
import io.fleetgrid.stream.detect.GridAnomalyDetector;
import io.fleetgrid.stream.detect.HarshDrivingDetector;
import io.fleetgrid.stream.detect.InverterFaultDetector;
import io.fleetgrid.stream.detect.InverterOvertempDetector;
import io.fleetgrid.stream.detect.LowBatteryDetector;
import io.fleetgrid.stream.detect.LowFuelDetector;
import io.fleetgrid.stream.detect.LowOilPressureDetector;
import io.fleetgrid.stream.detect.LowTirePressureDetector;
import io.fleetgrid.stream.detect.OfflineDetector;
import io.fleetgrid.stream.detect.OverspeedDetector;
import io.fleetgrid.stream.detect.ProductionDropDetector;
import io.fleetgrid.stream.detect.ServiceDueDetector;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.state.DeviceStateJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FleetGrid topology (see the module README for the diagram). {@link #build} adds it
 * to a {@link StreamsBuilder}; the same method serves the application, the
 * TopologyTestDriver tests and the crash test.
 */
public final class FleetGridTopology {

	private static final Logger LOGGER = LoggerFactory.getLogger(FleetGridTopology.class);

	/** Per-device memory of the detectors (key deviceId). */
	public static final String MEMORY_STORE = "device-memory";

	/** Per-device presence for the offline check (key deviceId). */
	public static final String PRESENCE_STORE = "device-presence";

	/** Global view of {@code fleetgrid.device-state.v1} for the REST API. */
	public static final String STATE_VIEW_STORE = "device-state-view";

	private final StreamSettings settings;

	private final Registry registry;

	private final StreamMetrics metrics;

	private final Severities severities;

	private final StateViewListener stateListener;

	/**
	 * A topology whose state view tells nobody about new states.
	 * @param settings settings
	 * @param registry the registry view the topology fills and reads (one per Kafka
	 * Streams instance)
	 * @param meterRegistry where the topology's counters go
	 */
	public FleetGridTopology(StreamSettings settings, Registry registry, MeterRegistry meterRegistry) {
		this(settings, registry, meterRegistry, StateViewListener.NONE);
	}

	/**
	 * A topology.
	 * @param settings settings
	 * @param registry the registry view the topology fills and reads (one per Kafka
	 * Streams instance)
	 * @param meterRegistry where the topology's counters go
	 * @param stateListener told about every state written to the state view (the live
	 * state stream)
	 */
	public FleetGridTopology(StreamSettings settings, Registry registry, MeterRegistry meterRegistry,
			StateViewListener stateListener) {
		this.settings = settings;
		this.registry = registry;
		this.metrics = new StreamMetrics(meterRegistry);
		this.severities = new Severities(settings.severities());
		this.stateListener = stateListener;
	}

	/**
	 * The detectors in the order they run (geofences first, so overspeed sees the zone
	 * limits; offline first of all, so a returning device is cleared before anything else
	 * happens).
	 * @return new detector instances
	 */
	public static List<Detector> detectors() {
		return List.of(new OfflineDetector(), new GeofenceDetector(), new OverspeedDetector(),
				new HarshDrivingDetector(), new EngineOverheatDetector(), new LowOilPressureDetector(),
				new LowTirePressureDetector(), new LowFuelDetector(), new DtcDetector(), new ServiceDueDetector(),
				new InverterFaultDetector(), new InverterOvertempDetector(), new LowBatteryDetector(),
				new GridAnomalyDetector(), new ProductionDropDetector());
	}

	/**
	 * Adds the topology.
	 * @param builder the builder
	 */
	public void build(StreamsBuilder builder) {
		this.registry.addTo(builder, this.settings::keyValueStore);
		// With the record cache, a device's memory goes to RocksDB and to its changelog
		// once per commit (or cache eviction), not with every event of the device.
		// And the memories last used stay objects in front of the cache (reads only).
		StoreBuilder<KeyValueStore<String, DeviceMemory>> memories = Stores
			.keyValueStoreBuilder(this.settings.keyValueStore(MEMORY_STORE), Serdes.String(), new DeviceMemorySerde())
			.withCachingEnabled();
		int mirrorPerTask = Math.ceilDiv(this.settings.memoryMirror(), Topics.TELEMETRY.partitions());
		builder.addStateStore((mirrorPerTask > 0) ? MirroredMemoryStore.builder(memories, mirrorPerTask) : memories);
		builder.addStateStore(Stores.keyValueStoreBuilder(this.settings.keyValueStore(PRESENCE_STORE), Serdes.String(),
				new JsonStateSerde<>(Presence.class)));
		// The view keeps each state's JSON as it is on the topic: the global thread
		// neither
		// reads nor rewrites it (that was a sixth of the CPU per event); readers of the
		// view, and the live stream when someone listens, read it.
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(this.settings.keyValueStore(STATE_VIEW_STORE), Serdes.String(),
							Serdes.ByteArray())
					.withLoggingDisabled(),
				Topics.DEVICE_STATE.name(),
				Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("device-state-view-source"),
				() -> new StateViewWriter(this.stateListener));

		KStream<String, byte[]> telemetry = builder.stream(Topics.TELEMETRY.name(),
				Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("telemetry-source"));
		List<Detector> detectors = detectors();
		// the devices whose state the processor held back, per task, for the punctuation
		TrailingStates.PerTask trailingStates = new TrailingStates.PerTask();
		KStream<String, Object> out = telemetry.processValues(() -> new TelemetryProcessor(this.registry, this.settings,
				this.severities, detectors, this.metrics, trailingStates), Named.as("telemetry-processor"),
				MEMORY_STORE, PRESENCE_STORE);
		telemetry
			.process(() -> new OfflinePunctuator(this.registry, this.severities, this.settings.offlineCheckInterval(),
					this.settings.detectors(), this.settings.deviceStateInterval(), this.settings.grace(),
					trailingStates), Named.as("offline-punctuator"), MEMORY_STORE, PRESENCE_STORE)
			.split(Named.as("offline-"))
			.branch((key, value) -> value instanceof AlertEvent,
					Branched.withConsumer(
							(alerts) -> alerts.mapValues((value) -> (AlertEvent) value, Named.as("offline-as-alert"))
								.to(Topics.ALERTS.name(), producedAlerts("offline-alerts-sink")),
							"alerts"))
			.branch((key, value) -> value instanceof DeviceState,
					Branched.withConsumer(
							(states) -> states.mapValues((value) -> (DeviceState) value, Named.as("offline-as-state"))
								.to(Topics.DEVICE_STATE.name(), producedStates("offline-device-state-sink")),
							"states"))
			.branch((key, value) -> value instanceof Trip,
					Branched
						.withConsumer((trips) -> trips.mapValues((value) -> (Trip) value, Named.as("offline-as-trip"))
							.to(Topics.TRIPS.name(), produced(Topics.TRIPS, "offline-trips-sink")), "trips"))
			.branch((key, value) -> value instanceof Rollup,
					Branched.withConsumer(
							(rollups) -> rollups.mapValues((value) -> (Rollup) value, Named.as("offline-as-rollup"))
								.to(Topics.ROLLUPS.name(), produced(Topics.ROLLUPS, "offline-rollups-sink")),
							"rollups"))
			.noDefaultBranch();

		out.split(Named.as("output-"))
			.branch((key, value) -> value instanceof AlertEvent,
					Branched
						.withConsumer((alerts) -> alerts.mapValues((value) -> (AlertEvent) value, Named.as("as-alert"))
							.to(Topics.ALERTS.name(), producedAlerts("alerts-sink")), "alerts"))
			.branch((key, value) -> value instanceof DeviceState,
					Branched
						.withConsumer((states) -> states.mapValues((value) -> (DeviceState) value, Named.as("as-state"))
							.to(Topics.DEVICE_STATE.name(), producedStates("device-state-sink")), "states"))
			.branch((key, value) -> value instanceof Trip,
					Branched.withConsumer((trips) -> trips.mapValues((value) -> (Trip) value, Named.as("as-trip"))
						.to(Topics.TRIPS.name(), produced(Topics.TRIPS, "trips-sink")), "trips"))
			.branch((key, value) -> value instanceof DeadLetter,
					Branched.withConsumer(
							(letters) -> letters.mapValues((value) -> (DeadLetter) value, Named.as("as-dead-letter"))
								.to(Topics.TELEMETRY_DLT.name(), produced(Topics.TELEMETRY_DLT, "dead-letter-sink")),
							"dead-letters"))
			.branch((key, value) -> value instanceof Rollup,
					Branched
						.withConsumer((rollups) -> rollups.mapValues((value) -> (Rollup) value, Named.as("as-rollup"))
							.to(Topics.ROLLUPS.name(), produced(Topics.ROLLUPS, "rollups-sink")), "rollups"))
			.noDefaultBranch();
	}

	private static <V> Produced<String, V> produced(TopicSpec<String, V> topic, String name) {
		return Produced.with(JsonSerdes.keySerde(topic), JsonSerdes.valueSerde(topic)).withName(name);
	}

	/**
	 * The device states' sink: the contract's JSON and headers, written by
	 * {@link DeviceStateJson} instead of databind (a state per device every few seconds).
	 */
	private static Produced<String, DeviceState> producedStates(String name) {
		return producedBy(Topics.DEVICE_STATE, EventTypes.DEVICE_STATE, DeviceStateJson::write, name);
	}

	/**
	 * The alerts' sink: the contract's JSON and headers, written by
	 * {@link AlertEventJson} instead of databind.
	 */
	private static Produced<String, AlertEvent> producedAlerts(String name) {
		return producedBy(Topics.ALERTS, EventTypes.ALERT, AlertEventJson::write, name);
	}

	private static <V> Produced<String, V> producedBy(TopicSpec<String, V> topic, EventType<V> type,
			Function<? super V, byte[]> writer, String name) {
		Serde<V> values = Serdes.serdeFrom(new EventSerializer<>(type, type.javaType(), writer),
				JsonSerdes.valueDeserializer(topic));
		return Produced.with(JsonSerdes.keySerde(topic), values).withName(name);
	}

	/**
	 * Writes {@code fleetgrid.device-state.v1} into the global view store as it is (JSON
	 * bytes) and tells the listener about each new state it wants.
	 */
	static final class StateViewWriter implements Processor<String, byte[], Void, Void> {

		private static final Deserializer<DeviceState> DESERIALIZER = JsonSerdes.valueDeserializer(Topics.DEVICE_STATE);

		private final StateViewListener listener;

		private KeyValueStore<String, byte[]> store;

		StateViewWriter(StateViewListener listener) {
			this.listener = listener;
		}

		@Override
		public void init(ProcessorContext<Void, Void> context) {
			this.store = context.getStateStore(STATE_VIEW_STORE);
		}

		@Override
		public void process(Record<String, byte[]> record) {
			if (record.key() == null) {
				return;
			}
			if (record.value() == null) {
				this.store.delete(record.key());
				return;
			}
			this.store.put(record.key(), record.value());
			if (!this.listener.wants(record.key())) {
				return;
			}
			try {
				this.listener
					.onState(DESERIALIZER.deserialize(Topics.DEVICE_STATE.name(), record.headers(), record.value()));
			}
			catch (RuntimeException ex) {
				// The live stream is best effort; the view and the global thread are
				// not.
				LOGGER.warn("State listener failed for device {}", record.key(), ex);
			}
		}

	}

}
