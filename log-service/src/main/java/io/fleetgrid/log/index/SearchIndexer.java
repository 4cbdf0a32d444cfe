package io.fleetgrid.log.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.log.index.DeadLetters.Rejected;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Indexes batches of log, audit and alert records with one bulk request each.
 * <ul>
 * <li>Offsets are committed only after the whole batch is indexed or dead-lettered.</li>
 * <li>Document ids are deterministic (log: partition and offset; audit: eventId; alert:
 * alertId and version), so a replayed batch overwrites instead of duplicating.</li>
 * <li>When the search server is unreachable or answers 429/5xx, the batch is not
 * committed: the consumer is paused (with doubling back-off up to {@code retry-max}) and
 * the same records come again.</li>
 * <li>A record that cannot be decoded, or that the server rejects for good (4xx: mapping
 * conflict, bad value), goes to {@link DeadLetters#TOPIC} with the reason, so one bad
 * record never blocks a partition.</li>
 * </ul>
 * Backpressure: one bulk per poll, at most {@code batch-size} records; the consumer polls
 * again only after the bulk finished.
 */
public class SearchIndexer {

	/** Id of the listener container. */
	public static final String LISTENER_ID = "search-indexer";

	private static final Logger LOGGER = LoggerFactory.getLogger(SearchIndexer.class);

	private final Deserializer<LogEvent> logs = JsonSerdes.valueDeserializer(Topics.LOGS);

	private final Deserializer<AuditEvent> audit = JsonSerdes.valueDeserializer(Topics.AUDIT);

	private final Deserializer<AlertEvent> alerts = JsonSerdes.valueDeserializer(Topics.ALERTS);

	private final ElasticsearchClient client;

	private final IndexTemplates templates;

	private final DeadLetters deadLetters;

	private final IndexProperties properties;

	private final AtomicInteger failures = new AtomicInteger();

	/**
	 * An indexer.
	 * @param client the search client
	 * @param templates the index templates, put before the first bulk
	 * @param deadLetters where rejected records go
	 * @param properties retry settings
	 */
	public SearchIndexer(ElasticsearchClient client, IndexTemplates templates, DeadLetters deadLetters,
			IndexProperties properties) {
		this.client = client;
		this.templates = templates;
		this.deadLetters = deadLetters;
		this.properties = properties;
	}

	/**
	 * Indexes one batch.
	 * @param records the records of one poll
	 * @param acknowledgment commits the batch, or pauses and re-delivers it
	 */
	@KafkaListener(id = LISTENER_ID, idIsGroup = false, containerFactory = "indexingContainerFactory",
			topics = { "#{T(io.fleetgrid.contracts.topic.Topics).LOGS.name()}",
					"#{T(io.fleetgrid.contracts.topic.Topics).AUDIT.name()}",
					"#{T(io.fleetgrid.contracts.topic.Topics).ALERTS.name()}" })
	public void index(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		if (records.isEmpty()) {
			return;
		}
		try {
			Outcome outcome = indexBatch(records);
			if (outcome.retry()) {
				retryLater(records, acknowledgment, "the search server did not take every document");
				return;
			}
			if (!outcome.rejected().isEmpty()) {
				LOGGER.warn("{} of {} records could not be indexed, sent to {}", outcome.rejected().size(),
						records.size(), DeadLetters.TOPIC.name());
				this.deadLetters.send(outcome.rejected());
			}
			acknowledgment.acknowledge();
			this.failures.set(0);
		}
		catch (IOException | RuntimeException ex) {
			retryLater(records, acknowledgment, ex.toString());
		}
	}

	private void retryLater(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment,
			String reason) {
		Duration pause = backOff(this.failures.getAndIncrement());
		LOGGER.warn("Could not index a batch of {} records ({}); pausing the consumer for {} ms", records.size(),
				reason, pause.toMillis());
		acknowledgment.nack(0, pause);
	}

	Duration backOff(int failedBefore) {
		long initial = this.properties.retryInitial().toMillis();
		long max = this.properties.retryMax().toMillis();
		long pause = initial << Math.min(failedBefore, 20);
		return Duration.ofMillis(Math.min(Math.max(pause, initial), max));
	}

	Outcome indexBatch(List<ConsumerRecord<String, byte[]>> records) throws IOException {
		List<Rejected> rejected = new ArrayList<>();
		List<Pending> pending = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				pending.add(document(record));
			}
			catch (RuntimeException ex) {
				rejected.add(new Rejected(record, "undecodable: " + ex.getMessage(), null, null));
			}
		}
		if (pending.isEmpty()) {
			return new Outcome(false, rejected);
		}
		this.templates.ensureInstalled();
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		for (Pending one : pending) {
			bulk.operations((op) -> op.index((i) -> i.index(one.index()).id(one.id()).document(one.document())));
		}
		BulkResponse response = this.client.bulk(bulk.build());
		boolean retry = false;
		if (response.errors()) {
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < items.size(); i++) {
				BulkResponseItem item = items.get(i);
				if (item.error() == null) {
					continue;
				}
				if (item.status() == 429 || item.status() >= 500) {
					retry = true;
				}
				else {
					Pending one = pending.get(i);
					rejected.add(new Rejected(one.record(), "rejected by the search server (" + item.status() + " "
							+ item.error().type() + "): " + item.error().reason(), one.tenantId(), one.deviceId()));
				}
			}
		}
		return new Outcome(retry, rejected);
	}

	private Pending document(ConsumerRecord<String, byte[]> record) {
		String topic = record.topic();
		if (Topics.LOGS.name().equals(topic)) {
			LogEvent event = decode(this.logs, record);
			String id = record.partition() + "-" + record.offset();
			return new Pending(record, IndexKind.LOGS.index(event.ts()), id, Documents.LogDocument.of(id, event),
					event.tenantId(), event.deviceId());
		}
		if (Topics.AUDIT.name().equals(topic)) {
			AuditEvent event = decode(this.audit, record);
			Documents.AuditDocument document = Documents.AuditDocument.of(event);
			return new Pending(record, IndexKind.AUDIT.index(event.ts()), document.docId(), document, event.tenantId(),
					null);
		}
		if (Topics.ALERTS.name().equals(topic)) {
			AlertEvent event = decode(this.alerts, record);
			Documents.AlertDocument document = Documents.AlertDocument.of(event);
			return new Pending(record, IndexKind.ALERTS.index(event.ts()), document.docId(), document, event.tenantId(),
					event.deviceId());
		}
		throw new IllegalArgumentException("not an indexed topic: " + topic);
	}

	private static <T> T decode(Deserializer<T> deserializer, ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new IllegalArgumentException("null value (tombstone)");
		}
		T value = deserializer.deserialize(record.topic(), record.headers(), record.value());
		if (value == null) {
			throw new IllegalArgumentException("no value");
		}
		return value;
	}

	record Pending(ConsumerRecord<String, byte[]> record, String index, String id, Object document,
			@Nullable String tenantId, @Nullable String deviceId) {
	}

	record Outcome(boolean retry, List<Rejected> rejected) {
	}

}
