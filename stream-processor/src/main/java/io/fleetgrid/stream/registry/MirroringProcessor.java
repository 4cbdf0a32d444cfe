package io.fleetgrid.stream.registry;

import java.util.function.BiConsumer;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The processor of a global store: writes each record of a compacted registry topic to
 * the store and tells an in-memory mirror (a tombstone is a removal). Kafka Streams
 * restores a global store without calling the processor, so {@link #init} replays the
 * restored store into the mirror first.
 *
 * @param <V> registry value type
 */
final class MirroringProcessor<V> implements Processor<String, V, Void, Void> {

	private final String storeName;

	private final BiConsumer<String, V> mirror;

	private KeyValueStore<String, V> store;

	MirroringProcessor(String storeName, BiConsumer<String, V> mirror) {
		this.storeName = storeName;
		this.mirror = mirror;
	}

	@Override
	public void init(ProcessorContext<Void, Void> context) {
		this.store = context.getStateStore(this.storeName);
		try (KeyValueIterator<String, V> all = this.store.all()) {
			all.forEachRemaining((entry) -> this.mirror.accept(entry.key, entry.value));
		}
	}

	@Override
	public void process(Record<String, V> record) {
		if (record.key() == null) {
			return;
		}
		if (record.value() == null) {
			this.store.delete(record.key());
		}
		else {
			this.store.put(record.key(), record.value());
		}
		this.mirror.accept(record.key(), record.value());
	}

}
