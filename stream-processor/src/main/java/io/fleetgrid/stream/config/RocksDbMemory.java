package io.fleetgrid.stream.config;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB state stores of the JVM together: one block
 * cache shared by every store, with the stores' memtables, index and filter blocks
 * charged to it. Without it each store has a 50 MB block cache and up to three 16 MB
 * memtables of its own, and this application opens two stores per telemetry partition (12
 * by default) plus the global ones: well over a gigabyte at worst, beside the heap, in a
 * container whose memory limit would kill the process.
 * <p>
 * The budget is {@value #MEMORY_CONFIG} of the streams configuration
 * ({@code fleetgrid.stream.rocksdb-memory}), half of it for memtables: with a quarter,
 * the stores flushed small memtables often enough to cost a sixth of the events/s with
 * 10,000 devices, and with 100,000 devices a budget under about 256 MB made reads miss
 * the cache (BENCHMARKS.md). The cache lives as long as the JVM and is made with the
 * first store's configuration (one Kafka Streams instance per JVM in the application).
 */
public final class RocksDbMemory implements RocksDBConfigSetter {

	/** The streams configuration key of the budget in bytes. */
	public static final String MEMORY_CONFIG = "fleetgrid.rocksdb.memory-bytes";

	/** Share of the cache kept for index and filter blocks. */
	private static final double INDEX_AND_FILTER_RATIO = 0.1;

	private static Shared shared;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared memory = shared(configs);
		BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
		table.setBlockCache(memory.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		options.setWriteBufferManager(memory.writeBuffers());
		options.setTableFormatConfig(table);
	}

	@Override
	public void close(String storeName, Options options) {
		// the cache and the write buffer manager are shared: they stay for the next store
	}

	/**
	 * The cache and write buffer manager of the JVM, made on first use.
	 * @param configs the streams configuration
	 * @return the shared objects
	 */
	static synchronized Shared shared(Map<String, Object> configs) {
		if (shared == null) {
			Object configured = configs.get(MEMORY_CONFIG);
			long bytes = (configured != null) ? Long.parseLong(configured.toString()) : 256L * 1024 * 1024;
			Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_RATIO);
			shared = new Shared(cache, new WriteBufferManager(bytes / 2, cache), bytes);
		}
		return shared;
	}

	/**
	 * What all stores share.
	 *
	 * @param cache the block cache, charged with the memtables too
	 * @param writeBuffers the memtables' budget
	 * @param bytes the budget
	 */
	record Shared(Cache cache, WriteBufferManager writeBuffers, long bytes) {
	}

}
