package io.fleetgrid.stream.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;

class RocksDbMemoryTests {

	@TempDir
	Path dir;

	@Test
	void everyStoreSharesOneCacheThatTheMemtablesAreChargedTo() throws Exception {
		RocksDB.loadLibrary();
		Map<String, Object> configs = Map.of(RocksDbMemory.MEMORY_CONFIG, 64L * 1024 * 1024);
		RocksDbMemory.Shared shared = RocksDbMemory.shared(configs);
		assertThat(RocksDbMemory.shared(Map.of())).as("made once per JVM").isSameAs(shared);
		long usageBefore = shared.cache().getUsage();
		RocksDbMemory setter = new RocksDbMemory();
		try (Options first = options(setter, "device-memory", configs);
				Options second = options(setter, "device-presence", configs);
				RocksDB memories = RocksDB.open(first, this.dir.resolve("a").toString());
				RocksDB presences = RocksDB.open(second, this.dir.resolve("b").toString())) {
			BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
			assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
			byte[] value = "x".repeat(1_000).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < 2_000; i++) {
				byte[] key = ("device-" + i).getBytes(StandardCharsets.UTF_8);
				memories.put(key, value);
				presences.put(key, value);
			}
			assertThat(memories.get("device-1999".getBytes(StandardCharsets.UTF_8))).isEqualTo(value);
			// 4 MB written into the memtables of two stores: charged to the one cache
			assertThat(shared.cache().getUsage()).isGreaterThan(usageBefore + 2L * 1024 * 1024)
				.isLessThanOrEqualTo(shared.bytes());
			setter.close("device-memory", first);
		}
		assertThat(shared.cache().isOwningHandle()).as("closing a store leaves the shared cache open").isTrue();
	}

	private static Options options(RocksDbMemory setter, String store, Map<String, Object> configs) {
		Options options = new Options().setCreateIfMissing(true);
		options.setTableFormatConfig(new BlockBasedTableConfig());
		setter.setConfig(store, options, configs);
		return options;
	}

}
