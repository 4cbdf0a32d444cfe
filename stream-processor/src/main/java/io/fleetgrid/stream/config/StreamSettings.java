package io.fleetgrid.stream.config;

import java.time.Duration;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent.Severity;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Typed settings of the stream processor ({@code fleetgrid.stream.*}). Every field has a
 * default, so an empty section is valid.
 *
 * @param applicationId Kafka Streams {@code application.id} (consumer group, prefix of
 * internal topics and of the transactional ids)
 * @param processingGuarantee {@code exactly_once_v2} (default) or {@code at_least_once}
 * @param commitInterval how often offsets, state and output are committed; with
 * exactly-once also the latency with which output becomes visible to read_committed
 * readers. Default 50 ms with exactly-once and 1 s with at-least-once, whose output is
 * sent without waiting for a commit: there a commit only bounds what is processed again
 * after a crash, and it stalls the stream thread while the producer's sends are
 * acknowledged (1 s instead of 50 ms: 5 to 22 % more events/s in four pairs of runs, a
 * lower p99 in three of them, BENCHMARKS.md)
 * @param stateDir directory of the RocksDB state stores
 * @param threads stream threads per instance
 * @param grace how late (event time) an event may arrive and still count in its rollup
 * window
 * @param offlineCheckInterval how often (wall clock) devices are checked for silence
 * @param detectors detector settings that are not per-group rules
 * @param severities severity per alert type, overriding the defaults
 * @param inMemoryStores keep the state stores in memory instead of RocksDB (still with
 * changelogs); for tests and benchmarks only: the TopologyTestDriver commits, and so
 * checkpoints every RocksDB store, after every record
 * @param deviceStateInterval publish a device's state at most once per this wall-clock
 * interval, and at once when an alert was raised or cleared or the ignition changed; zero
 * (the default here; the application sets 5 s) publishes after every event
 * @param recordCache bytes of Kafka Streams' record cache per instance
 * ({@code statestore.cache.max.bytes}, default 64 MB against Kafka's 10 MB): repeated
 * writes of one device's memory within a commit interval reach RocksDB and the changelog
 * once; with 10,000 devices the larger cache doubled the sustained events/s
 * (BENCHMARKS.md)
 * @param memoryMirror device memories an instance keeps as objects besides the record
 * cache's bytes (default 16,384; split evenly over the telemetry partitions' tasks; 0
 * turns it off), so that the next event of a device does not read its memory back from
 * bytes. Each takes about 7 KB of heap (a moving vehicle, BENCHMARKS.md). Size it to at
 * least the devices an instance serves: with fewer, devices that send in turn evict each
 * other and nearly every event misses (10,000 devices on one instance: 8,192 sustained
 * 12.6–16.2k events/s, 16,384 gave 15.8–17.9k)
 * @param memoryFlushInterval how often (wall clock, while events arrive) the device
 * memories written since the last time go from the record cache to RocksDB and the
 * changelog, besides at every commit (default 20 ms; zero: only at commits). A commit
 * waits for that write, so a shorter interval spreads it over the processing: with the
 * commit interval of 50 ms the exactly-once p50 event → alert latency fell from 93–100 ms
 * to 55–64 ms and the slowest event of a typical second from 165–184 ms to 106–113 ms
 * (1,000 devices, BENCHMARKS.md), at the price of fewer repeated writes of one device
 * combined. Takes effect with the memory mirror only
 * @param producerCompression compression of everything the processor produces (changelogs
 * and outputs): {@code lz4} (default), {@code zstd}, {@code gzip}, {@code snappy} or
 * {@code none}. A device's memory goes to its changelog with nearly every event once a
 * device sends less often than the memory flush interval; with 10,000 devices lz4 halved
 * the broker's CPU per event and raised the sustained events/s by a third (BENCHMARKS.md)
 * @param rocksdbMemory off-heap memory of all RocksDB stores together: block cache,
 * memtables (half), index and filter blocks ({@link RocksDbMemory}); 256 MB
 */
@ConfigurationProperties("fleetgrid.stream")
public record StreamSettings(String applicationId, String processingGuarantee, Duration commitInterval, String stateDir,
		Integer threads, Duration grace, Duration offlineCheckInterval, Detectors detectors,
		Map<String, Severity> severities, Boolean inMemoryStores, Duration deviceStateInterval, DataSize recordCache,
		Integer memoryMirror, Duration memoryFlushInterval, String producerCompression, DataSize rocksdbMemory) {

	public StreamSettings {
		applicationId = (applicationId != null) ? applicationId : "stream-processor";
		processingGuarantee = (processingGuarantee != null) ? processingGuarantee : "exactly_once_v2";
		commitInterval = (commitInterval != null) ? commitInterval : defaultCommitInterval(processingGuarantee);
		stateDir = (stateDir != null) ? stateDir : System.getProperty("java.io.tmpdir") + "/fleetgrid-streams";
		threads = (threads != null) ? threads : 1;
		grace = (grace != null) ? grace : Duration.ofMinutes(2);
		offlineCheckInterval = (offlineCheckInterval != null) ? offlineCheckInterval : Duration.ofSeconds(30);
		detectors = (detectors != null) ? detectors : Detectors.DEFAULTS;
		severities = (severities != null) ? Map.copyOf(severities) : Map.of();
		inMemoryStores = (inMemoryStores != null) ? inMemoryStores : false;
		deviceStateInterval = (deviceStateInterval != null) ? deviceStateInterval : Duration.ZERO;
		recordCache = (recordCache != null) ? recordCache : DataSize.ofMegabytes(64);
		memoryMirror = (memoryMirror != null) ? memoryMirror : 16_384;
		memoryFlushInterval = (memoryFlushInterval != null) ? memoryFlushInterval : Duration.ofMillis(20);
		producerCompression = (producerCompression != null) ? producerCompression : "lz4";
		rocksdbMemory = (rocksdbMemory != null) ? rocksdbMemory : DataSize.ofMegabytes(256);
		if (memoryMirror < 0) {
			throw new IllegalArgumentException("fleetgrid.stream.memory-mirror must not be negative: " + memoryMirror);
		}
	}

	/**
	 * The commit interval of a processing guarantee when none is configured.
	 * @param processingGuarantee {@code exactly_once_v2} or {@code at_least_once}
	 * @return 1 s for at-least-once, 50 ms otherwise
	 */
	static Duration defaultCommitInterval(String processingGuarantee) {
		return "at_least_once".equals(processingGuarantee) ? Duration.ofSeconds(1) : Duration.ofMillis(50);
	}

	/**
	 * The supplier of a key-value store of the configured kind.
	 * @param name store name
	 * @return RocksDB or in-memory store supplier
	 */
	public KeyValueBytesStoreSupplier keyValueStore(String name) {
		return this.inMemoryStores ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
	}

	/**
	 * Settings with every default.
	 * @return the defaults
	 */
	public static StreamSettings defaults() {
		return new StreamSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/**
	 * Detector settings that apply platform-wide (the per-group thresholds are rules, see
	 * {@code RuleSettings.Thresholds}).
	 *
	 * @param overspeedHysteresisKph OVERSPEED clears only below limit minus this
	 * @param overspeedClearSeconds ... for at least this long
	 * @param temperatureHysteresisC temperature alerts clear this far inside the limit
	 * @param pressureHysteresisKpa pressure alerts clear this far inside the limit
	 * @param percentHysteresis fuel and battery alerts clear this far inside the limit
	 * @param voltageHysteresisV grid voltage alerts clear this far inside the band
	 * @param frequencyHysteresisHz grid frequency alerts clear this far inside the band
	 * @param harshMaxGapSeconds the longest gap between two points for Δspeed/Δt
	 * @param engineRunningRpm engine speed above which the engine counts as running
	 * @param geofenceConfirmPoints consecutive points on the new side of a geofence
	 * border before ENTER or EXIT (jitter hysteresis)
	 * @param geofenceCellDegrees cell size of the geofence grid index
	 * @param tripIdleGap standstill (or silence) that ends a trip without ignition data
	 * @param tripMovingKph speed above which a vehicle counts as moving
	 * @param tripRouteToleranceM Douglas-Peucker tolerance of a trip's route
	 * @param serviceWarnAheadKm SERVICE_DUE is raised this many km before it is due
	 * @param serviceWarnAheadDays ... or this many days before it is due
	 * @param productionDropMinMinutes the shortfall must last this long
	 * @param productionMinElevationDeg no PRODUCTION_DROP while the sun is lower
	 * @param performanceRatio expected AC output per kWp under clear sky, as a fraction
	 */
	public record Detectors(Double overspeedHysteresisKph, Integer overspeedClearSeconds, Double temperatureHysteresisC,
			Double pressureHysteresisKpa, Double percentHysteresis, Double voltageHysteresisV,
			Double frequencyHysteresisHz, Integer harshMaxGapSeconds, Double engineRunningRpm,
			Integer geofenceConfirmPoints, Double geofenceCellDegrees, Duration tripIdleGap, Double tripMovingKph,
			Double tripRouteToleranceM, Double serviceWarnAheadKm, Integer serviceWarnAheadDays,
			Integer productionDropMinMinutes, Double productionMinElevationDeg, Double performanceRatio) {

		/** Every default. */
		public static final Detectors DEFAULTS = new Detectors(null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null);

		public Detectors {
			overspeedHysteresisKph = or(overspeedHysteresisKph, 5.0);
			overspeedClearSeconds = or(overspeedClearSeconds, 10);
			temperatureHysteresisC = or(temperatureHysteresisC, 3.0);
			pressureHysteresisKpa = or(pressureHysteresisKpa, 10.0);
			percentHysteresis = or(percentHysteresis, 2.0);
			voltageHysteresisV = or(voltageHysteresisV, 3.0);
			frequencyHysteresisHz = or(frequencyHysteresisHz, 0.1);
			harshMaxGapSeconds = or(harshMaxGapSeconds, 3);
			engineRunningRpm = or(engineRunningRpm, 400.0);
			geofenceConfirmPoints = or(geofenceConfirmPoints, 2);
			geofenceCellDegrees = or(geofenceCellDegrees, 0.05);
			tripIdleGap = or(tripIdleGap, Duration.ofMinutes(5));
			tripMovingKph = or(tripMovingKph, 5.0);
			tripRouteToleranceM = or(tripRouteToleranceM, 15.0);
			serviceWarnAheadKm = or(serviceWarnAheadKm, 1000.0);
			serviceWarnAheadDays = or(serviceWarnAheadDays, 14);
			productionDropMinMinutes = or(productionDropMinMinutes, 15);
			productionMinElevationDeg = or(productionMinElevationDeg, 15.0);
			performanceRatio = or(performanceRatio, 0.8);
		}

		private static <T> T or(T value, T fallback) {
			return (value != null) ? value : fallback;
		}

	}

}
