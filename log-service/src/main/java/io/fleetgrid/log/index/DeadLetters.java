package io.fleetgrid.log.index;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.topic.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends records that cannot be indexed (undecodable, or rejected by the search server,
 * for example for a mapping conflict) to {@link #TOPIC} with the reason, synchronously:
 * the source offsets are committed only after the dead letters are acknowledged.
 */
public class DeadLetters implements AutoCloseable {

	/**
	 * Records the indexer could not index, with the reason (a log-service topic, not part
	 * of the contract), key: the source record's key.
	 */
	public static final TopicSpec<String, DeadLetter> TOPIC = new TopicSpec<>("fleetgrid.log-index.dlt.v1", 3,
			TopicSpec.Cleanup.DELETE, Duration.ofDays(14), String.class, DeadLetter.class,
			"records log-service could not index, with the reason");

	/** Header: topic of the source record. */
	public static final String SOURCE_TOPIC = "fleetgrid-dlt-topic";

	/** Header: partition of the source record. */
	public static final String SOURCE_PARTITION = "fleetgrid-dlt-partition";

	/** Header: offset of the source record. */
	public static final String SOURCE_OFFSET = "fleetgrid-dlt-offset";

	/** {@link DeadLetter#source()} of the dead letters written here. */
	public static final String SOURCE = "log-service-indexer";

	private final KafkaTemplate<String, DeadLetter> template;

	private final Clock clock;

	/**
	 * Dead letters through a template whose value serializer is the contract's.
	 * @param template the template
	 * @param clock the clock for {@link DeadLetter#receivedAt()}
	 */
	public DeadLetters(KafkaTemplate<String, DeadLetter> template, Clock clock) {
		this.template = template;
		this.clock = clock;
	}

	/**
	 * Sends the dead letters and waits for the broker's acknowledgements.
	 * @param rejected the records and why they were rejected
	 * @throws DeadLetterException if any was not acknowledged
	 */
	public void send(List<Rejected> rejected) {
		List<CompletableFuture<SendResult<String, DeadLetter>>> sent = new ArrayList<>();
		for (Rejected one : rejected) {
			ConsumerRecord<String, byte[]> source = one.record();
			DeadLetter letter = DeadLetter.of(one.deviceId(), one.tenantId(), SOURCE, one.reason(),
					List.of(source.topic() + "-" + source.partition() + "@" + source.offset()), this.clock.instant(),
					source.value());
			ProducerRecord<String, DeadLetter> record = new ProducerRecord<>(TOPIC.name(), source.key(), letter);
			record.headers().add(SOURCE_TOPIC, source.topic().getBytes(StandardCharsets.UTF_8));
			record.headers().add(SOURCE_PARTITION, String.valueOf(source.partition()).getBytes(StandardCharsets.UTF_8));
			record.headers().add(SOURCE_OFFSET, String.valueOf(source.offset()).getBytes(StandardCharsets.UTF_8));
			sent.add(this.template.send(record));
		}
		try {
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeadLetterException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DeadLetterException(ex);
		}
	}

	/**
	 * Closes the dead-letter producer.
	 */
	@Override
	public void close() {
		this.template.getProducerFactory().reset();
	}

	/**
	 * A record that cannot be indexed.
	 *
	 * @param record the Kafka record
	 * @param reason why
	 * @param tenantId its tenant when known
	 * @param deviceId its device when known
	 */
	public record Rejected(ConsumerRecord<String, byte[]> record, String reason, @Nullable String tenantId,
			@Nullable String deviceId) {
	}

	/**
	 * Dead letters were not acknowledged by the broker; the batch is retried.
	 */
	public static class DeadLetterException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DeadLetterException(Throwable cause) {
			super("Dead letters not acknowledged: " + cause.getMessage(), cause);
		}

	}

}
