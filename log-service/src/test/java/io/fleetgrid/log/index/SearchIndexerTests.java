package io.fleetgrid.log.index;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What {@link SearchIndexer} commits, retries and dead-letters, with the search client
 * stubbed.
 */
class SearchIndexerTests {

	private final ElasticsearchClient client = mock(ElasticsearchClient.class);

	private final DeadLetters deadLetters = mock(DeadLetters.class);

	private final Acknowledgment acknowledgment = mock(Acknowledgment.class);

	private final IndexProperties properties = new IndexProperties("log-service", 500, 1, Duration.ofMillis(200),
			Duration.ofSeconds(1), 1, 0, new IndexProperties.Retention(14, 365, 90, Duration.ofHours(1)));

	private final SearchIndexer indexer = new SearchIndexer(this.client, mock(IndexTemplates.class), this.deadLetters,
			this.properties);

	@Test
	void commitsAfterTheBulkWithIdsFromPartitionAndOffsetInTheDailyIndex() throws IOException {
		given(this.client.bulk(any(BulkRequest.class))).willReturn(response(201, 201));

		this.indexer.index(List.of(logRecord(2, 41), logRecord(2, 42)), this.acknowledgment);

		ArgumentCaptor<BulkRequest> bulk = ArgumentCaptor.forClass(BulkRequest.class);
		verify(this.client).bulk(bulk.capture());
		assertThat(bulk.getValue().operations()).extracting((op) -> op.index().id()).containsExactly("2-41", "2-42");
		assertThat(bulk.getValue().operations()).extracting((op) -> op.index().index())
			.containsOnly("fleetgrid-logs-2026.11.23");
		verify(this.acknowledgment).acknowledge();
		verify(this.acknowledgment, never()).nack(any(Integer.class), any(Duration.class));
	}

	@Test
	void pausesAndRedeliversTheBatchWithGrowingPausesWhileTheSearchServerIsDown() throws IOException {
		given(this.client.bulk(any(BulkRequest.class))).willThrow(new ConnectException("Connection refused"));

		this.indexer.index(List.of(logRecord(0, 1)), this.acknowledgment);
		this.indexer.index(List.of(logRecord(0, 1)), this.acknowledgment);
		this.indexer.index(List.of(logRecord(0, 1)), this.acknowledgment);
		this.indexer.index(List.of(logRecord(0, 1)), this.acknowledgment);

		verify(this.acknowledgment).nack(0, Duration.ofMillis(200));
		verify(this.acknowledgment).nack(0, Duration.ofMillis(400));
		verify(this.acknowledgment).nack(0, Duration.ofMillis(800));
		verify(this.acknowledgment).nack(0, Duration.ofSeconds(1));
		verify(this.acknowledgment, never()).acknowledge();
	}

	@Test
	void retriesTheWholeBatchWhenTheServerIsOverloaded() throws IOException {
		given(this.client.bulk(any(BulkRequest.class))).willReturn(response(201, 429));

		this.indexer.index(List.of(logRecord(0, 1), logRecord(0, 2)), this.acknowledgment);

		verify(this.acknowledgment).nack(0, Duration.ofMillis(200));
		verify(this.acknowledgment, never()).acknowledge();
		verifyNoInteractions(this.deadLetters);
	}

	@Test
	void deadLettersWhatTheServerRejectsAndCommits() throws IOException {
		given(this.client.bulk(any(BulkRequest.class))).willReturn(response(201, 400));

		this.indexer.index(List.of(logRecord(0, 1), logRecord(0, 2)), this.acknowledgment);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<DeadLetters.Rejected>> rejected = ArgumentCaptor.forClass(List.class);
		verify(this.deadLetters).send(rejected.capture());
		assertThat(rejected.getValue()).singleElement().satisfies((one) -> {
			assertThat(one.record().offset()).isEqualTo(2);
			assertThat(one.reason()).isEqualTo(
					"rejected by the search server (400 document_parsing_exception): failed to parse field [details]");
			assertThat(one.tenantId()).isEqualTo("acme");
		});
		verify(this.acknowledgment).acknowledge();
	}

	@Test
	void deadLettersARecordThatIsNotAnEventWithoutAskingTheServer() {
		ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>(Topics.ALERTS.name(), 0, 7, "truck-7",
				"not json".getBytes(StandardCharsets.UTF_8));

		this.indexer.index(List.of(garbage), this.acknowledgment);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<DeadLetters.Rejected>> rejected = ArgumentCaptor.forClass(List.class);
		verify(this.deadLetters).send(rejected.capture());
		assertThat(rejected.getValue()).singleElement()
			.satisfies((one) -> assertThat(one.reason()).startsWith("undecodable: "));
		verifyNoInteractions(this.client);
		verify(this.acknowledgment).acknowledge();
	}

	@Test
	void doesNotCommitWhenTheDeadLettersAreNotAcknowledged() throws IOException {
		given(this.client.bulk(any(BulkRequest.class))).willReturn(response(400));
		willThrow(new DeadLetters.DeadLetterException(new IOException("broker down"))).given(this.deadLetters)
			.send(anyList());

		this.indexer.index(List.of(logRecord(0, 1)), this.acknowledgment);

		verify(this.acknowledgment).nack(0, Duration.ofMillis(200));
		verify(this.acknowledgment, never()).acknowledge();
	}

	private static ConsumerRecord<String, byte[]> logRecord(int partition, long offset) {
		LogEvent event = new LogEvent(Instant.parse("2026-11-23T10:15:30Z"), "device-service", "host:device:1", "INFO",
				"io.fleetgrid.X", "main", "line " + offset, null, null, null, "acme", null);
		return new ConsumerRecord<>(Topics.LOGS.name(), partition, offset, "device-service",
				JsonSerdes.valueSerializer(Topics.LOGS).serialize(Topics.LOGS.name(), event));
	}

	private static BulkResponse response(int... statuses) {
		List<BulkResponseItem> items = new java.util.ArrayList<>();
		boolean errors = false;
		for (int status : statuses) {
			boolean failed = status >= 300;
			errors |= failed;
			items.add(BulkResponseItem.of((i) -> {
				i.operationType(OperationType.Index).index("fleetgrid-logs-2026.11.23").status(status);
				if (failed) {
					i.error((e) -> e
						.type((status == 429) ? "es_rejected_execution_exception" : "document_parsing_exception")
						.reason((status == 429) ? "queue full" : "failed to parse field [details]"));
				}
				return i;
			}));
		}
		boolean anyError = errors;
		return BulkResponse.of((b) -> b.errors(anyError).took(1).items(items));
	}

}
