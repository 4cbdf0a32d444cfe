package io.fleetgrid.ingest.telemetry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes accepted telemetry to {@code fleetgrid.telemetry.v1} and dead letters to
 * {@code fleetgrid.telemetry.dlt.v1}, both keyed by device id, through one idempotent
 * producer ({@code acks=all}; see {@code application.yml} for the tuning). The futures
 * complete only when Kafka acknowledged every record.
 */
public class TelemetryPublisher {

	private final Producer<String, byte[]> producer;

	private final Serializer<TelemetryEvent> telemetry = JsonSerdes.valueSerializer(Topics.TELEMETRY);

	private final Serializer<DeadLetter> deadLetters = JsonSerdes.valueSerializer(Topics.TELEMETRY_DLT);

	/**
	 * Creates the publisher.
	 * @param producer the producer (string keys, serialized values)
	 */
	public TelemetryPublisher(Producer<String, byte[]> producer) {
		this.producer = producer;
	}

	/**
	 * Publishes events, in order (one device's events share a partition).
	 * @param events the events
	 * @return completes when Kafka acknowledged all of them; fails if any failed
	 */
	public CompletableFuture<Void> publish(List<TelemetryEvent> events) {
		if (events.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		// One future and one counter per call, not one future per record: a 500-event
		// batch
		// completes when the last acknowledgement arrives, or fails with the first error.
		CompletableFuture<Void> all = new CompletableFuture<>();
		AtomicInteger pending = new AtomicInteger(events.size());
		Callback callback = (metadata, ex) -> {
			if (ex != null) {
				all.completeExceptionally(ex);
			}
			else if (pending.decrementAndGet() == 0) {
				all.complete(null);
			}
		};
		for (TelemetryEvent event : events) {
			if (!send(Topics.TELEMETRY, this.telemetry, event.deviceId(), event, callback)) {
				break;
			}
		}
		return all;
	}

	/**
	 * Publishes a dead letter.
	 * @param deadLetter the rejected payload and reason
	 * @return completes when Kafka acknowledged it
	 */
	public CompletableFuture<Void> deadLetter(DeadLetter deadLetter) {
		CompletableFuture<Void> ack = new CompletableFuture<>();
		send(Topics.TELEMETRY_DLT, this.deadLetters, deadLetter.deviceId(), deadLetter, (metadata, ex) -> {
			if (ex != null) {
				ack.completeExceptionally(ex);
			}
			else {
				ack.complete(null);
			}
		});
		return ack;
	}

	// Sends one record and tells whether the producer took it; a failure to hand it over
	// is reported to the callback as well.
	private <V> boolean send(TopicSpec<String, V> topic, Serializer<V> serializer, String key, V value,
			Callback callback) {
		try {
			RecordHeaders headers = new RecordHeaders();
			byte[] bytes = serializer.serialize(topic.name(), headers, value);
			this.producer.send(new ProducerRecord<>(topic.name(), null, key, bytes, headers), callback);
			return true;
		}
		catch (RuntimeException ex) {
			// max.block.ms elapsed (no metadata, buffer full) or the producer is closed.
			callback.onCompletion(null, ex);
			return false;
		}
	}

}
