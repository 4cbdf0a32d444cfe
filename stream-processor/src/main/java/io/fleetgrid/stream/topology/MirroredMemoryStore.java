package io.fleetgrid.stream.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fleetgrid.stream.detect.DeviceMemory;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The outermost layer of the {@value FleetGridTopology#MEMORY_STORE} store: keeps the
 * device memories last read or written as objects, so that a device's next event does not
 * read its memory back from the bytes of the record cache (that read was about a seventh
 * of the CPU per event). Only reads are spared: every put still goes through to the store
 * below (metered, record cache, changelog, RocksDB), which stays the one truth for
 * commits, changelog and restoration; the mirror only ever holds what that store holds.
 * <p>
 * A processor that changes a memory it got from {@link #get} and then does not put it (it
 * failed half-way) must {@link #forget} the device, so that the next read sees the stored
 * memory again. The mirror is emptied whenever Kafka Streams (re)initialises, closes or
 * clears the store (rebalance, task corruption under exactly-once), and holds at most
 * {@code capacity} memories per task (least recently used out).
 */
final class MirroredMemoryStore extends WrappedStateStore<KeyValueStore<String, DeviceMemory>, String, DeviceMemory>
		implements KeyValueStore<String, DeviceMemory> {

	/**
	 * Below this share of reads found in the mirror, it admits only some new memories.
	 */
	private static final int MIN_HITS_PER_100 = 25;

	/** In selective mode, one in this many memories not mirrored yet is admitted. */
	private static final int SELECTIVE_ADMISSION = 16;

	private final Map<String, DeviceMemory> mirror;

	private final int window;

	private int reads;

	private int hits;

	private int misses;

	private boolean selective;

	MirroredMemoryStore(KeyValueStore<String, DeviceMemory> store, int capacity) {
		super(store);
		this.window = Math.max(1024, 4 * capacity);
		this.mirror = new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, DeviceMemory> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Wraps a store builder so that its stores get a mirror.
	 * @param builder the builder of the store (with its record cache)
	 * @param capacity memories kept per task
	 * @return the builder of mirrored stores
	 */
	static StoreBuilder<KeyValueStore<String, DeviceMemory>> builder(
			StoreBuilder<KeyValueStore<String, DeviceMemory>> builder, int capacity) {
		return new Builder(builder, capacity);
	}

	/**
	 * The mirror under the store a processor got from its context, if the store has one.
	 * @param store the store as the processor sees it
	 * @return the mirrored store, or null
	 */
	static MirroredMemoryStore of(StateStore store) {
		StateStore current = store;
		while (current != null) {
			if (current instanceof MirroredMemoryStore mirrored) {
				return mirrored;
			}
			current = (current instanceof WrappedStateStore<?, ?, ?> wrapped) ? wrapped.wrapped() : null;
		}
		return null;
	}

	/**
	 * Drops a device's memory from the mirror (the next read reads the store).
	 * @param deviceId the device
	 */
	void forget(String deviceId) {
		this.mirror.remove(deviceId);
	}

	/**
	 * The number of memories held as objects.
	 * @return the count
	 */
	int mirrored() {
		return this.mirror.size();
	}

	@Override
	public void init(StateStoreContext context, StateStore root) {
		this.mirror.clear();
		super.init(context, root);
	}

	/**
	 * Whether every memory read or written is admitted; false while the mirror is
	 * selective (see {@link #admit}).
	 * @return true if admitting all
	 */
	boolean admittingAll() {
		return !this.selective;
	}

	@Override
	public DeviceMemory get(String key) {
		DeviceMemory memory = this.mirror.get(key);
		count(memory != null);
		if (memory == null) {
			memory = wrapped().get(key);
			if (memory != null && admit()) {
				this.mirror.put(key, memory);
			}
		}
		return memory;
	}

	@Override
	public void put(String key, DeviceMemory value) {
		// A put that fails leaves the mirror without the device, never ahead of the
		// store.
		try {
			wrapped().put(key, value);
		}
		catch (RuntimeException ex) {
			this.mirror.remove(key);
			throw ex;
		}
		if (value == null) {
			this.mirror.remove(key);
		}
		else if (this.mirror.containsKey(key) || admit()) {
			// an entry that is there already is replaced in place
			this.mirror.put(key, value);
		}
	}

	/**
	 * Counts a read; at the end of each window of reads (four times the capacity), the
	 * mirror turns selective if fewer than a quarter of them were found in it, and back
	 * when more were. With many more devices than it holds (each device's next event
	 * comes after the mirror turned over), admitting every memory would only replace
	 * objects that are never read again and keep garbage alive for longer.
	 */
	private void count(boolean hit) {
		this.reads++;
		if (hit) {
			this.hits++;
		}
		if (this.reads >= this.window) {
			this.selective = this.hits * 100L < (long) this.reads * MIN_HITS_PER_100;
			this.reads = 0;
			this.hits = 0;
		}
	}

	/**
	 * Whether a memory that is not mirrored yet goes in: always, unless selective; then
	 * one in {@value #SELECTIVE_ADMISSION}, so that devices that do come back soon still
	 * find their way in and the hit rate can recover.
	 */
	private boolean admit() {
		return !this.selective || ++this.misses % SELECTIVE_ADMISSION == 0;
	}

	@Override
	public DeviceMemory putIfAbsent(String key, DeviceMemory value) {
		this.mirror.remove(key);
		return wrapped().putIfAbsent(key, value);
	}

	@Override
	public void putAll(List<KeyValue<String, DeviceMemory>> entries) {
		entries.forEach((entry) -> this.mirror.remove(entry.key));
		wrapped().putAll(entries);
	}

	@Override
	public DeviceMemory delete(String key) {
		this.mirror.remove(key);
		return wrapped().delete(key);
	}

	@Override
	public KeyValueIterator<String, DeviceMemory> range(String from, String to) {
		return wrapped().range(from, to);
	}

	@Override
	public KeyValueIterator<String, DeviceMemory> reverseRange(String from, String to) {
		return wrapped().reverseRange(from, to);
	}

	@Override
	public KeyValueIterator<String, DeviceMemory> all() {
		return wrapped().all();
	}

	@Override
	public KeyValueIterator<String, DeviceMemory> reverseAll() {
		return wrapped().reverseAll();
	}

	@Override
	public <PS extends Serializer<P>, P> KeyValueIterator<String, DeviceMemory> prefixScan(P prefix,
			PS prefixKeySerializer) {
		return wrapped().prefixScan(prefix, prefixKeySerializer);
	}

	@Override
	public long approximateNumEntries() {
		return wrapped().approximateNumEntries();
	}

	@Override
	public void clearCache() {
		this.mirror.clear();
		super.clearCache();
	}

	@Override
	public void close() {
		this.mirror.clear();
		super.close();
	}

	/** Builds the store below and puts a mirror around it. */
	private record Builder(StoreBuilder<KeyValueStore<String, DeviceMemory>> inner,
			int capacity) implements StoreBuilder<KeyValueStore<String, DeviceMemory>> {

		@Override
		public StoreBuilder<KeyValueStore<String, DeviceMemory>> withCachingEnabled() {
			return new Builder(this.inner.withCachingEnabled(), this.capacity);
		}

		@Override
		public StoreBuilder<KeyValueStore<String, DeviceMemory>> withCachingDisabled() {
			return new Builder(this.inner.withCachingDisabled(), this.capacity);
		}

		@Override
		public StoreBuilder<KeyValueStore<String, DeviceMemory>> withLoggingEnabled(Map<String, String> config) {
			return new Builder(this.inner.withLoggingEnabled(config), this.capacity);
		}

		@Override
		public StoreBuilder<KeyValueStore<String, DeviceMemory>> withLoggingDisabled() {
			return new Builder(this.inner.withLoggingDisabled(), this.capacity);
		}

		@Override
		public KeyValueStore<String, DeviceMemory> build() {
			return new MirroredMemoryStore(this.inner.build(), this.capacity);
		}

		@Override
		public Map<String, String> logConfig() {
			return this.inner.logConfig();
		}

		@Override
		public boolean loggingEnabled() {
			return this.inner.loggingEnabled();
		}

		@Override
		public String name() {
			return this.inner.name();
		}

	}

}
