package io.fleetgrid.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.log.index.SearchIndexer;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.fleetgrid.log.TestEvents.count;
import static io.fleetgrid.log.TestEvents.term;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, off unless {@code -Dfleetgrid.benchmark=true}: sustained indexing rate (the
 * indexer paused while {@code fleetgrid.benchmark.documents} log records, default
 * 200,000, are produced, then timed from resume until all are searchable) and search
 * latency over HTTP (full text + filter, aggregations, trace view) on the resulting
 * index. Results are printed and written to {@code target/benchmark-results.txt}.
 */
@EnabledIfSystemProperty(named = "fleetgrid.benchmark", matches = "true")
@RealInfra(servers = { Server.KAFKA, Server.SEARCH })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "fleetgrid.observability.shipping.enabled=true")
@Import(TestTokens.Config.class)
class SearchBenchmarkIntegrationTests {

	private static final String[] WORDS = { "brake", "pressure", "engine", "overheat", "telemetry", "accepted",
			"rejected", "device", "geofence", "battery", "inverter", "fault", "timeout", "retry", "kafka", "session",
			"token", "refresh", "alert", "raised", "cleared", "speed", "limit", "sensor", "offline", "fuel", "trip",
			"rollup", "window", "webhook" };

	private static final String[] LEVELS = { "INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "DEBUG", "WARN", "WARN",
			"ERROR" };

	private static final String[] SERVICES = { "ingest-service", "stream-processor", "device-service",
			"notification-service", "api-gateway" };

	private final int port;

	private final ElasticsearchClient search;

	private final KafkaListenerEndpointRegistry listeners;

	SearchBenchmarkIntegrationTests(@LocalServerPort int port, @Autowired ElasticsearchClient search,
			@Autowired KafkaListenerEndpointRegistry listeners) {
		this.port = port;
		this.search = search;
		this.listeners = listeners;
	}

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void measuresIndexingRateAndSearchLatency() throws IOException {
		int documents = Integer.getInteger("fleetgrid.benchmark.documents", 200_000);
		int searches = Integer.getInteger("fleetgrid.benchmark.searches", 300);
		String tenant = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant start = end.minus(6, ChronoUnit.HOURS);
		long spreadMillis = Duration.between(start, end).toMillis();

		MessageListenerContainer indexer = this.listeners.getListenerContainer(SearchIndexer.LISTENER_ID);
		assertThat(indexer).isNotNull();
		indexer.pause();
		Random random = new Random(42);
		long produceStart = System.nanoTime();
		int chunk = 20_000;
		for (int from = 0; from < documents; from += chunk) {
			List<Map.Entry<String, LogEvent>> records = new ArrayList<>(chunk);
			for (int i = from; i < Math.min(documents, from + chunk); i++) {
				String service = SERVICES[random.nextInt(SERVICES.length)];
				String message = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
						+ WORDS[random.nextInt(WORDS.length)] + " on truck-" + random.nextInt(5_000) + " after "
						+ random.nextInt(1_000) + " ms";
				String traceId = String.format("%032x", (long) (i / 10) + 1);
				records.add(Map.entry(service, TestEvents.log(service, LEVELS[random.nextInt(LEVELS.length)], message,
						traceId, tenant, start.plusMillis((long) (spreadMillis * (i / (double) documents))))));
			}
			TestEvents.send(Topics.LOGS, records);
		}
		double produceSeconds = seconds(System.nanoTime() - produceStart);

		long indexStart = System.nanoTime();
		indexer.resume();
		await().atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> count(this.search, IndexKind.LOGS.pattern(), term("tenantId", tenant)) >= documents);
		double indexSeconds = seconds(System.nanoTime() - indexStart);

		String admin = TestTokens.bearer(tenant, Role.ADMIN);
		long[] fullText = latencies(searches, (i) -> "/api/v1/logs/search?q=" + WORDS[i % WORDS.length] + "+"
				+ WORDS[(i * 7) % WORDS.length] + "&level=" + LEVELS[i % LEVELS.length] + "&size=50", admin);
		long[] aggregations = latencies(searches / 3, (i) -> "/api/v1/logs/search?size=10&interval=15m&from=" + start
				+ "&to=" + end + ((i % 2 == 0) ? "" : "&q=" + WORDS[i % WORDS.length]), admin);
		long[] traces = latencies(searches,
				(i) -> "/api/v1/logs/trace/" + String.format("%032x", ((i * 7919L) % (documents / 10)) + 1), admin);

		String report = String
			.format("documents: %,d log records (6 h of one tenant, 5 services), 1 shard, 0 replicas%n"
					+ "produce: %.1f s (%,.0f records/s)%n"
					+ "index (indexer paused while producing, timed from resume to all searchable): %.1f s = %,.0f docs/s%n"
					+ "search over HTTP (token check, scope, JSON), %s%n%s%n%s%n", documents, produceSeconds,
					documents / produceSeconds, indexSeconds, documents / indexSeconds,
					summary("full text + level, size 50", fullText),
					summary("15m histogram + counts (6 h)", aggregations), summary("trace view (10 lines)", traces));
		System.out.println(report);
		Files.writeString(Path.of("target", "benchmark-results.txt"), report);
	}

	private long[] latencies(int count, IntFunction<String> path, String authorization) {
		for (int i = 0; i < 20; i++) {
			TestEvents.get(this.port, path.apply(i), authorization);
		}
		long[] micros = new long[count];
		for (int i = 0; i < count; i++) {
			long t0 = System.nanoTime();
			TestEvents.Response response = TestEvents.get(this.port, path.apply(i + 20), authorization);
			micros[i] = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
			assertThat(response.status()).isEqualTo(200);
		}
		Arrays.sort(micros);
		return micros;
	}

	private static String summary(String name, long[] sorted) {
		return String.format("  %-32s n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", name, sorted.length,
				sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0,
				sorted[sorted.length - 1] / 1000.0);
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
