package io.fleetgrid.log.index;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.log.TestEvents;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.Infra;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.fleetgrid.log.TestEvents.count;
import static io.fleetgrid.log.TestEvents.term;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer on the real Kafka broker and search server: dead letters, retention, and a
 * search-server outage under load.
 */
@RealInfra(servers = { Server.KAFKA, Server.SEARCH })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "fleetgrid.observability.shipping.enabled=true")
@Import(TestTokens.Config.class)
class IndexingIntegrationTests {

	private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final ElasticsearchClient search;

	private final Retention retention;

	private final IndexTemplates templates;

	private final IndexProperties properties;

	IndexingIntegrationTests(@Autowired ElasticsearchClient search, @Autowired Retention retention,
			@Autowired IndexTemplates templates, @Autowired IndexProperties properties) {
		this.search = search;
		this.retention = retention;
		this.templates = templates;
		this.properties = properties;
	}

	@Test
	void documentTheServerRejectsGoesToTheDeadLetterTopicAndLaterRecordsAreStillIndexed() {
		String field = "probe" + this.run;
		String tenant = "td" + this.run;
		TestEvents.send(Topics.AUDIT, List.<Map.Entry<String, AuditEvent>>of(
				entry(tenant, TestEvents.audit("first-" + this.run, tenant, "SETTINGS_CHANGED", Map.of(field, 5L)))));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count(this.search, IndexKind.AUDIT.pattern(), term("eventId", "first-" + this.run)) == 1);

		// details.<field> is a number now; an object there contradicts the mapping.
		TestEvents.send(Topics.AUDIT, List.<Map.Entry<String, AuditEvent>>of(
				entry(tenant,
						TestEvents.audit("conflict-" + this.run, tenant, "SETTINGS_CHANGED",
								Map.of(field, Map.of("nested", 1L)))),
				entry(tenant, TestEvents.audit("after-" + this.run, tenant, "SETTINGS_CHANGED", Map.of(field, 6L)))));

		ConsumerRecord<String, DeadLetter> letter = deadLetter("conflict-" + this.run);
		assertThat(letter.key()).isEqualTo(tenant);
		assertThat(letter.value().source()).isEqualTo(DeadLetters.SOURCE);
		assertThat(letter.value().tenantId()).isEqualTo(tenant);
		assertThat(letter.value().reason()).startsWith("rejected by the search server (400 ")
			.contains("details." + field);
		assertThat(letter.value().errors().get(0)).startsWith(Topics.AUDIT.name() + "-");
		assertThat(new String(letter.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value()))
			.isEqualTo(Topics.AUDIT.name());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count(this.search, IndexKind.AUDIT.pattern(), term("eventId", "after-" + this.run)) == 1);
		assertThat(count(this.search, IndexKind.AUDIT.pattern(), term("eventId", "conflict-" + this.run))).isZero();
	}

	@Test
	void recordThatIsNotAnEventGoesToTheDeadLetterTopic() {
		String key = "garbage-" + this.run;
		TestEvents.sendRaw(Topics.ALERTS.name(), key, ("{\"not\":\"an alert " + this.run + "\"}").getBytes());

		ConsumerRecord<String, DeadLetter> letter = deadLetter(this.run);
		assertThat(letter.key()).isEqualTo(key);
		assertThat(letter.value().reason()).startsWith("undecodable: ");
	}

	@Test
	void retentionDeletesExpiredDailyIndicesAndKeepsCurrentOnes() throws Exception {
		this.templates.ensureInstalled();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String expiredLogs = IndexKind.LOGS.prefix() + "2020.01.01";
		String currentLogs = IndexKind.LOGS.index(Instant.now());
		String lastKeptLogs = IndexKind.LOGS
			.index(today.minusDays(this.properties.retention().logsDays()).atStartOfDay().toInstant(ZoneOffset.UTC));
		String expiredAlerts = IndexKind.ALERTS.index(
				today.minusDays(this.properties.retention().alertsDays() + 1).atStartOfDay().toInstant(ZoneOffset.UTC));
		String keptAudit = IndexKind.AUDIT.index(
				today.minusDays(this.properties.retention().alertsDays() + 1).atStartOfDay().toInstant(ZoneOffset.UTC));
		String notOurs = IndexKind.LOGS.prefix() + "archive";
		for (String index : List.of(expiredLogs, currentLogs, lastKeptLogs, expiredAlerts, keptAudit, notOurs)) {
			if (!this.search.indices().exists((e) -> e.index(index)).value()) {
				this.search.indices().create((c) -> c.index(index));
			}
		}

		List<String> deleted = this.retention.deleteExpired();

		assertThat(deleted).contains(expiredLogs, expiredAlerts)
			.doesNotContain(currentLogs, lastKeptLogs, keptAudit, notOurs);
		for (String index : List.of(expiredLogs, expiredAlerts)) {
			assertThat(this.search.indices().exists((e) -> e.index(index)).value()).as(index).isFalse();
		}
		for (String index : List.of(currentLogs, lastKeptLogs, keptAudit, notOurs)) {
			assertThat(this.search.indices().exists((e) -> e.index(index)).value()).as(index).isTrue();
		}
		this.search.indices().delete((d) -> d.index(notOurs));
	}

	@Test
	void indexesEveryRecordExactlyOnceAfterASearchServerOutage() throws Exception {
		String service = "outage" + this.run;
		Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<Map.Entry<String, LogEvent>> records = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			records.add(entry(service, TestEvents.log(service, (i % 10 == 0) ? "ERROR" : "INFO", "record " + i, null,
					null, ts.plusMillis(i))));
		}

		Infra.node(Server.SEARCH).stop();
		try {
			TestEvents.send(Topics.LOGS, records);
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.alias("nothing is committed while the search server is down")
				.until(() -> uncommittedLogRecords() >= 10_000);
		}
		finally {
			Infra.node(Server.SEARCH).restart();
		}

		await().atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> count(this.search, IndexKind.LOGS.pattern(), term("service", service)) >= 10_000);
		await().atMost(Duration.ofSeconds(60)).until(() -> uncommittedLogRecords() == 0);
		assertThat(count(this.search, IndexKind.LOGS.pattern(), term("service", service))).isEqualTo(10_000);
		assertThat(count(this.search, IndexKind.LOGS.pattern(),
				co.elastic.clients.elasticsearch._types.query_dsl.Query
					.of((q) -> q.bool((b) -> b.filter(term("service", service)).filter(term("level", "ERROR"))))))
			.isEqualTo(1_000);
	}

	private long uncommittedLogRecords() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.kafka.bootstrap-servers")))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.properties.groupId())
				.partitionsToOffsetAndMetadata()
				.get();
			List<TopicPartition> partitions = new ArrayList<>();
			for (int p = 0; p < Topics.LOGS.partitions(); p++) {
				partitions.add(new TopicPartition(Topics.LOGS.name(), p));
			}
			Map<TopicPartition, Long> ends = admin
				.listOffsets(partitions.stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest())))
				.all()
				.get()
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
			long lag = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = committed.get(partition);
				lag += ends.get(partition) - ((offset != null) ? offset.offset() : 0);
			}
			return lag;
		}
	}

	private static ConsumerRecord<String, DeadLetter> deadLetter(String payloadContains) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.kafka.bootstrap-servers"), ConsumerConfig.GROUP_ID_CONFIG,
				"dlt-probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, DeadLetter>> found = new ArrayList<>();
		try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
				JsonSerdes.keyDeserializer(DeadLetters.TOPIC), JsonSerdes.valueDeserializer(DeadLetters.TOPIC))) {
			consumer.subscribe(List.of(DeadLetters.TOPIC.name()));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value().payload() != null && record.value().payload().contains(payloadContains)) {
						found.add(record);
					}
				}
				return !found.isEmpty();
			});
		}
		return found.get(0);
	}

}
