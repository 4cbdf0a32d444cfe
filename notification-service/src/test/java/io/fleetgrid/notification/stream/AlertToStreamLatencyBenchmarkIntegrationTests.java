package io.fleetgrid.notification.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.core.type.TypeReference;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.notification.support.Alerts;
import io.fleetgrid.notification.support.FakeAuthService;
import io.fleetgrid.notification.support.SseClient;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, off unless {@code -Dfleetgrid.benchmark=true}: latency from an alert
 * published on the real Kafka broker to its event on a FLEET_MANAGER's live stream
 * (default subscription: e-mail and web, so the SMTP sends run alongside), over the real
 * PostgreSQL and SMTP sink. {@code fleetgrid.benchmark.alerts} alerts (default 500, each
 * of another device so none is throttled) are published at
 * {@code fleetgrid.benchmark.rate} per second (default 20) after a warm-up of 50. The
 * p50/p90/p99/max are printed and written to {@code target/benchmark-alert-stream.txt};
 * nothing is asserted about speed.
 */
@EnabledIfSystemProperty(named = "fleetgrid.benchmark", matches = "true")
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES, Server.SMTP }, database = "notification_benchmark")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestTokens.Config.class)
class AlertToStreamLatencyBenchmarkIntegrationTests {

	private static final FakeAuthService AUTH = FakeAuthService.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("fleetgrid.notification.directory.auth-service-url", AUTH::url);
		registry.add("fleetgrid.notification.ack.secret", () -> "benchmark-ack-secret");
		// The production defaults: the dispatcher's idle poll is not shortened.
		registry.add("fleetgrid.notification.dispatch.poll-interval", () -> "1s");
	}

	@AfterAll
	static void stopServers() {
		AUTH.close();
	}

	@Test
	@SuppressWarnings("checkstyle:regexpsinglelinejava")
	void measuresAlertToStreamLatency() throws IOException {
		int alerts = Integer.getInteger("fleetgrid.benchmark.alerts", 500);
		int rate = Integer.getInteger("fleetgrid.benchmark.rate", 20);
		String tenant = "bench" + UUID.randomUUID().toString().substring(0, 8);
		AUTH.addUser(tenant, "u-bench", tenant + "-m@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-bench", tenant, Role.FLEET_MANAGER);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Map<String, Long> receivedAt = new ConcurrentHashMap<>();
		try (SseClient stream = SseClient.open(this.port, token, null, (event) -> {
			long now = System.nanoTime();
			if (event.name().equals("alert")) {
				Map<String, Object> data = JsonSerdes.mapper()
					.readValue(event.data(), new TypeReference<Map<String, Object>>() {
					});
				@SuppressWarnings("unchecked")
				Map<String, Object> alert = (Map<String, Object>) data.get("alert");
				receivedAt.putIfAbsent((String) alert.get("alertId"), now);
			}
		}); KafkaProducer<String, AlertEvent> producer = producer()) {
			publish(producer, tenant, "warm", 50, rate, new ConcurrentHashMap<>());
			await().atMost(Duration.ofMinutes(2)).until(() -> receivedAt.size() >= 50);
			receivedAt.clear();

			long start = System.nanoTime();
			publish(producer, tenant, "veh", alerts, rate, sentAt);
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> receivedAt.keySet().containsAll(sentAt.keySet()));
			double seconds = (System.nanoTime() - start) / 1e9;

			long[] micros = sentAt.entrySet()
				.stream()
				.mapToLong((entry) -> (receivedAt.get(entry.getKey()) - entry.getValue()) / 1_000)
				.sorted()
				.toArray();
			assertThat(micros).hasSize(alerts);
			assertThat(stream.events()).hasSizeGreaterThanOrEqualTo(alerts);
			String report = String.format(
					"alert on fleetgrid.alerts.v1 -> event on the live stream (FLEET_MANAGER, e-mail + web), real Kafka, "
							+ "PostgreSQL and SMTP sink%n%d alerts at %d/s (%.1f s): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
							+ "max %.1f ms%n",
					alerts, rate, seconds, percentile(micros, 50), percentile(micros, 90), percentile(micros, 99),
					micros[micros.length - 1] / 1000.0);
			System.out.println(report);
			Files.writeString(Path.of("target", "benchmark-alert-stream.txt"), report);
		}
	}

	private static void publish(KafkaProducer<String, AlertEvent> producer, String tenant, String prefix, int count,
			int rate, Map<String, Long> sentAt) {
		long intervalNanos = 1_000_000_000L / rate;
		long next = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			AlertEvent alert = Alerts.raised(tenant, prefix + "-" + i, AlertType.OVERSPEED, Severity.WARNING,
					Instant.now());
			sentAt.put(alert.alertId(), System.nanoTime());
			producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.deviceId(), alert));
			next += intervalNanos;
		}
		producer.flush();
	}

	private static KafkaProducer<String, AlertEvent> producer() {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"));
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return new KafkaProducer<>(props, JsonSerdes.keySerializer(Topics.ALERTS),
				JsonSerdes.valueSerializer(Topics.ALERTS));
	}

	private static double percentile(long[] sortedMicros, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sortedMicros.length) - 1;
		return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
	}

}
