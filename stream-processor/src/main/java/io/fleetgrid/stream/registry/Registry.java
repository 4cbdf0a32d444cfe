package io.fleetgrid.stream.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.RuleSettings;
import io.fleetgrid.contracts.event.RuleSettings.Thresholds;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * In-memory view of the three registry topics, shared by the stream threads of one Kafka
 * Streams instance and written only by its global thread. Each topic is consumed as a
 * global store (every instance sees every device, rule and geofence, so lookups need no
 * co-partitioning and a change applies to the next event of any device); the store
 * survives restarts, the maps here are rebuilt from it.
 */
public final class Registry {

	/** Global store of the device registry. */
	public static final String DEVICES_STORE = "registry-devices";

	/** Global store of the rule settings. */
	public static final String RULES_STORE = "registry-rules";

	/** Global store of the geofences. */
	public static final String GEOFENCES_STORE = "registry-geofences";

	private final Map<String, DeviceSnapshot> devices = new ConcurrentHashMap<>();

	private final Map<String, Thresholds> rules = new ConcurrentHashMap<>();

	private final GeofenceIndex geofences;

	/**
	 * An empty registry.
	 * @param geofenceCellDegrees cell size of the geofence grid
	 */
	public Registry(double geofenceCellDegrees) {
		this.geofences = new GeofenceIndex(geofenceCellDegrees);
	}

	/**
	 * Adds the three global stores (and their mirroring processors) to a topology.
	 * @param builder the builder
	 * @param stores the kind of store to use (RocksDB or in memory)
	 */
	public void addTo(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> stores) {
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(stores.apply(DEVICES_STORE), Serdes.String(),
							JsonSerdes.valueSerde(Topics.DEVICES))
					.withLoggingDisabled(),
				Topics.DEVICES.name(),
				Consumed.with(Serdes.String(), JsonSerdes.valueSerde(Topics.DEVICES))
					.withName("registry-devices-source"),
				() -> new MirroringProcessor<>(DEVICES_STORE, this::onDevice));
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(stores.apply(RULES_STORE), Serdes.String(),
							JsonSerdes.valueSerde(Topics.RULES))
					.withLoggingDisabled(),
				Topics.RULES.name(),
				Consumed.with(Serdes.String(), JsonSerdes.valueSerde(Topics.RULES)).withName("registry-rules-source"),
				() -> new MirroringProcessor<>(RULES_STORE, this::onRule));
		builder.addGlobalStore(
				Stores
					.keyValueStoreBuilder(stores.apply(GEOFENCES_STORE), Serdes.String(),
							JsonSerdes.valueSerde(Topics.GEOFENCES))
					.withLoggingDisabled(),
				Topics.GEOFENCES.name(),
				Consumed.with(Serdes.String(), JsonSerdes.valueSerde(Topics.GEOFENCES))
					.withName("registry-geofences-source"),
				() -> new MirroringProcessor<>(GEOFENCES_STORE, this::onGeofence));
	}

	/**
	 * Applies a device registry record (called by the global store processor).
	 * @param deviceId device
	 * @param device the snapshot, or null for a deletion
	 */
	public void onDevice(String deviceId, DeviceSnapshot device) {
		if (device == null) {
			this.devices.remove(deviceId);
		}
		else {
			this.devices.put(deviceId, device);
		}
	}

	void onRule(String key, RuleSettings settings) {
		if (settings == null) {
			this.rules.remove(key);
		}
		else {
			this.rules.put(settings.key(), settings.thresholds());
		}
	}

	void onGeofence(String geofenceId, GeofenceSnapshot geofence) {
		if (geofence == null) {
			this.geofences.remove(geofenceId);
		}
		else {
			this.geofences.put(geofence);
		}
	}

	/**
	 * A device from the registry.
	 * @param deviceId device id
	 * @return the device, or null if unknown (never registered or deleted)
	 */
	public DeviceSnapshot device(String deviceId) {
		return this.devices.get(deviceId);
	}

	/**
	 * Every device in the registry, of every tenant.
	 * @return a live, unmodifiable view (iteration is weakly consistent)
	 */
	public Collection<DeviceSnapshot> devices() {
		return Collections.unmodifiableCollection(this.devices.values());
	}

	/**
	 * The effective thresholds of a group: its own, then the tenant defaults', then the
	 * platform defaults', field by field.
	 * @param tenantId tenant
	 * @param groupId group, or null for a device without a group
	 * @return the merged thresholds, every field set (a level whose values would make an
	 * inverted band with another level's is skipped)
	 */
	public Thresholds thresholds(String tenantId, String groupId) {
		Thresholds group = (groupId != null) ? this.rules.get(RuleSettings.key(tenantId, groupId)) : null;
		Thresholds tenant = this.rules.get(RuleSettings.key(tenantId, RuleSettings.TENANT_DEFAULTS));
		try {
			return ThresholdsMerge.merge(group, tenant, Thresholds.PLATFORM_DEFAULTS);
		}
		catch (IllegalArgumentException ex) {
			// Levels that are valid alone can combine into an inverted band (a group's
			// minimum above the tenant's maximum): fall back level by level rather than
			// failing every event of the group.
			try {
				return ThresholdsMerge.merge(null, tenant, Thresholds.PLATFORM_DEFAULTS);
			}
			catch (IllegalArgumentException again) {
				return Thresholds.PLATFORM_DEFAULTS;
			}
		}
	}

	/**
	 * The geofence index.
	 * @return the index
	 */
	public GeofenceIndex geofences() {
		return this.geofences;
	}

}
