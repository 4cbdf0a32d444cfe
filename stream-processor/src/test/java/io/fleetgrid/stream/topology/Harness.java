package io.fleetgrid.stream.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.config.StreamsConfiguration;
import io.fleetgrid.stream.registry.Registry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a {@link TopologyTestDriver} with typed input and output topics
 * and builders for registry records. Test time starts at {@link #T0}.
 */
public final class Harness implements AutoCloseable {

	/** Start of test (event and wall-clock) time. */
	public static final Instant T0 = Instant.parse("2026-06-21T10:00:00Z");

	/** First tenant. */
	public static final String ACME = "acme";

	/** Second tenant. */
	public static final String GLOBEX = "globex";

	private final TopologyTestDriver driver;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final TestInputTopic<String, TelemetryEvent> telemetry;

	private final TestInputTopic<String, byte[]> rawTelemetry;

	private final TestInputTopic<String, DeviceSnapshot> devices;

	private final TestInputTopic<String, RuleSettings> rules;

	private final TestInputTopic<String, GeofenceSnapshot> geofences;

	private final TestOutputTopic<String, AlertEvent> alerts;

	private final TestOutputTopic<String, DeviceState> states;

	private final TestOutputTopic<String, Trip> trips;

	private final TestOutputTopic<String, Rollup> rollups;

	private final TestOutputTopic<String, DeadLetter> deadLetters;

	private final Path stateDir;

	private long seq;

	/**
	 * A harness with default settings and in-memory stores.
	 */
	public Harness() {
		this(StreamSettings.defaults(), true);
	}

	/**
	 * A harness.
	 * @param settings settings (the state dir is replaced by a temporary one)
	 * @param inMemoryStores whether to use in-memory stores instead of RocksDB (the
	 * driver checkpoints every RocksDB store after every record, which is slow)
	 */
	public Harness(StreamSettings settings, boolean inMemoryStores) {
		try {
			this.stateDir = Files.createTempDirectory("fleetgrid-ttd");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		StreamSettings effective = new StreamSettings("ttd-" + UUID.randomUUID(), settings.processingGuarantee(),
				settings.commitInterval(), this.stateDir.toString(), 1, settings.grace(),
				settings.offlineCheckInterval(), settings.detectors(), settings.severities(), inMemoryStores,
				settings.deviceStateInterval(), settings.recordCache(), settings.memoryMirror(),
				settings.memoryFlushInterval(), settings.producerCompression(), settings.rocksdbMemory());
		StreamsBuilder builder = new StreamsBuilder();
		new FleetGridTopology(effective, new Registry(effective.detectors().geofenceCellDegrees()), this.meters)
			.build(builder);
		Properties props = new Properties();
		props.putAll(StreamsConfiguration.properties("localhost:9", effective));
		this.driver = new TopologyTestDriver(builder.build(), props, T0);
		this.telemetry = input(Topics.TELEMETRY);
		this.rawTelemetry = this.driver.createInputTopic(Topics.TELEMETRY.name(), Serdes.String().serializer(),
				Serdes.ByteArray().serializer());
		this.devices = input(Topics.DEVICES);
		this.rules = input(Topics.RULES);
		this.geofences = input(Topics.GEOFENCES);
		this.alerts = output(Topics.ALERTS);
		this.states = output(Topics.DEVICE_STATE);
		this.trips = output(Topics.TRIPS);
		this.rollups = output(Topics.ROLLUPS);
		this.deadLetters = output(Topics.TELEMETRY_DLT);
	}

	private <V> TestInputTopic<String, V> input(TopicSpec<String, V> topic) {
		return this.driver.createInputTopic(topic.name(), JsonSerdes.keySerializer(topic),
				JsonSerdes.valueSerializer(topic));
	}

	private <V> TestOutputTopic<String, V> output(TopicSpec<String, V> topic) {
		return this.driver.createOutputTopic(topic.name(), JsonSerdes.keyDeserializer(topic),
				JsonSerdes.valueDeserializer(topic));
	}

	/**
	 * A vehicle in the registry.
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param groupId group
	 * @return the snapshot (also published)
	 */
	public DeviceSnapshot vehicle(String tenantId, String deviceId, String groupId) {
		return device(new DeviceSnapshot(deviceId, tenantId, DeviceType.VEHICLE, deviceId, groupId, List.of(),
				List.of(), true, null, null, T0.minusSeconds(86_400), T0.minusSeconds(86_400)));
	}

	/**
	 * A vehicle with a service profile in the registry.
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param profile vehicle profile
	 * @return the snapshot (also published)
	 */
	public DeviceSnapshot vehicle(String tenantId, String deviceId, VehicleProfile profile) {
		return device(new DeviceSnapshot(deviceId, tenantId, DeviceType.VEHICLE, deviceId, "fleet-1", List.of(),
				List.of(), true, profile, null, T0.minusSeconds(86_400), T0.minusSeconds(86_400)));
	}

	/**
	 * An inverter in the registry.
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param energy energy profile
	 * @return the snapshot (also published)
	 */
	public DeviceSnapshot inverter(String tenantId, String deviceId, EnergyProfile energy) {
		return device(new DeviceSnapshot(deviceId, tenantId, DeviceType.INVERTER, deviceId, "site-1", List.of(),
				List.of(), true, null, energy, T0.minusSeconds(86_400), T0.minusSeconds(86_400)));
	}

	/**
	 * Publishes a device snapshot.
	 * @param device the snapshot
	 * @return it
	 */
	public DeviceSnapshot device(DeviceSnapshot device) {
		this.devices.pipeInput(device.deviceId(), device);
		return device;
	}

	/**
	 * Deletes a device (tombstone).
	 * @param deviceId device
	 */
	public void deleteDevice(String deviceId) {
		this.devices.pipeInput(deviceId, null);
	}

	/**
	 * Publishes rule settings.
	 * @param tenantId tenant
	 * @param groupId group or {@link RuleSettings#TENANT_DEFAULTS}
	 * @param thresholds thresholds
	 */
	public void rules(String tenantId, String groupId, Thresholds thresholds) {
		RuleSettings settings = new RuleSettings(tenantId, groupId, thresholds, T0);
		this.rules.pipeInput(settings.key(), settings);
	}

	/**
	 * Removes a group's rule settings (tombstone).
	 * @param tenantId tenant
	 * @param groupId group
	 */
	public void removeRules(String tenantId, String groupId) {
		this.rules.pipeInput(RuleSettings.key(tenantId, groupId), null);
	}

	/**
	 * Publishes a geofence.
	 * @param geofence the geofence
	 */
	public void geofence(GeofenceSnapshot geofence) {
		this.geofences.pipeInput(geofence.geofenceId(), geofence);
	}

	/**
	 * Deletes a geofence.
	 * @param geofenceId id
	 */
	public void deleteGeofence(String geofenceId) {
		this.geofences.pipeInput(geofenceId, null);
	}

	/**
	 * Sends telemetry with the next sequence number.
	 * @param device the device
	 * @param secondsAfterT0 event time
	 * @param metrics metrics
	 * @return the event
	 */
	public TelemetryEvent send(DeviceSnapshot device, double secondsAfterT0, Map<String, ?> metrics) {
		Instant ts = T0.plusMillis((long) (secondsAfterT0 * 1000));
		return send(new TelemetryEvent(device.deviceId(), device.tenantId(), device.type(), ts, this.seq++, ts,
				io.fleetgrid.contracts.event.MetricValues.copyOf(metrics)));
	}

	/**
	 * Sends a telemetry event as it is.
	 * @param event the event
	 * @return it
	 */
	public TelemetryEvent send(TelemetryEvent event) {
		this.telemetry.pipeInput(event.deviceId(), event, event.receivedAt());
		return event;
	}

	/**
	 * Sends raw bytes as telemetry.
	 * @param deviceId key
	 * @param bytes value
	 */
	public void sendRaw(String deviceId, byte[] bytes) {
		this.rawTelemetry.pipeInput(deviceId, bytes);
	}

	/**
	 * Advances the wall clock (fires wall-clock punctuations).
	 * @param duration how far
	 */
	public void advanceWallClock(Duration duration) {
		this.driver.advanceWallClockTime(duration);
	}

	/**
	 * The alert events emitted since the last call.
	 * @return alert events in order
	 */
	public List<AlertEvent> alerts() {
		return new ArrayList<>(this.alerts.readValuesToList());
	}

	/**
	 * The device states emitted since the last call.
	 * @return states in order
	 */
	public List<DeviceState> states() {
		return this.states.readValuesToList();
	}

	/**
	 * The trips emitted since the last call.
	 * @return trips in order
	 */
	public List<Trip> trips() {
		return this.trips.readValuesToList();
	}

	/**
	 * The rollups emitted since the last call.
	 * @return rollups in order
	 */
	public List<Rollup> rollups() {
		return this.rollups.readValuesToList();
	}

	/**
	 * The dead letters emitted since the last call.
	 * @return dead letters in order
	 */
	public List<DeadLetter> deadLetters() {
		return this.deadLetters.readValuesToList();
	}

	/**
	 * A counter's value.
	 * @param name meter name
	 * @param tags tag key/value pairs
	 * @return the count, 0 if absent
	 */
	public double counter(String name, String... tags) {
		var counter = this.meters.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * The underlying driver.
	 * @return the driver
	 */
	public TopologyTestDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.close();
		try (var files = Files.walk(this.stateDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException ex) {
			// Temporary files only.
		}
	}

}
