package io.fleetgrid.stream.crash;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.MetricValues;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.stream.topology.Harness;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once on the real broker: the topology runs in a child JVM with
 * {@code exactly_once_v2}, is killed with SIGKILL while it processes, and is restarted
 * with the same application id and state directory. The committed alert output
 * ({@code read_committed}) must equal what the same input gives in a TopologyTestDriver:
 * every alert step exactly once, none missing, none duplicated.
 */
@RealInfra(servers = Server.KAFKA)
class ExactlyOnceCrashIntegrationTests {

	private static final int DEVICES = 12;

	private static final int EVENTS_PER_DEVICE = 600;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stopChildren() {
		this.children.forEach(Process::destroyForcibly);
	}

	@Test
	void killedAndRestartedInstanceEmitsEveryAlertExactlyOnce() throws Exception {
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		List<DeviceSnapshot> devices = new ArrayList<>();
		for (int d = 0; d < DEVICES; d++) {
			devices.add(new DeviceSnapshot("crash-" + this.run + "-" + d, "crash-tenant", DeviceType.VEHICLE, "v" + d,
					"fleet-1", List.of(), List.of(), true, null, null, base, base));
		}
		List<TelemetryEvent> events = new ArrayList<>();
		for (int i = 0; i < EVENTS_PER_DEVICE; i++) {
			for (int d = 0; d < DEVICES; d++) {
				events.add(event(devices.get(d), base, i, d));
			}
		}
		Set<String> expected = expected(devices, events);
		assertThat(expected).hasSizeGreaterThan(500);

		produce(bootstrap, devices, events.subList(0, events.size() / 2));
		String applicationId = "crash-" + this.run;
		Path stateDir = Files.createTempDirectory("fleetgrid-crash");
		Process first = start(bootstrap, applicationId, stateDir);
		try (KafkaConsumer<String, AlertEvent> consumer = consumer(bootstrap)) {
			List<String> seen = new ArrayList<>();
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> read(consumer, seen) >= 50);
			first.destroyForcibly().waitFor();
			int atKill = read(consumer, seen);
			assertThat(atKill).as("killed mid-run").isLessThan(expected.size());

			produce(bootstrap, List.of(), events.subList(events.size() / 2, events.size()));
			start(bootstrap, applicationId, stateDir);
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> read(consumer, seen) >= expected.size());
			// Anything duplicated would arrive with the rest; give stragglers a moment.
			Thread.sleep(3000);
			read(consumer, seen);
			assertThat(new HashSet<>(seen)).as("no alert step missing or unexpected").isEqualTo(expected);
			assertThat(seen).as("no alert step twice").hasSize(expected.size());
		}
	}

	private static TelemetryEvent event(DeviceSnapshot device, Instant base, int i, int d) {
		Instant ts = base.plusSeconds(i).plusMillis(d);
		int cycle = i % 60;
		double speed = (cycle < 25) ? 125 + (cycle % 7) : 90;
		double coolant = ((i % 100) < 40) ? 114 : 95;
		Map<String, Object> metrics = new HashMap<>();
		metrics.put("speedKph", speed);
		metrics.put("coolantTempC", coolant);
		metrics.put("accelMps2", (i % 45 == 0) ? -5.0 : -0.5);
		metrics.put("lat", 52.5 + i * 0.0001);
		metrics.put("lon", 13.4);
		return new TelemetryEvent(device.deviceId(), device.tenantId(), DeviceType.VEHICLE, ts, (long) i, ts,
				MetricValues.copyOf(metrics));
	}

	private static Set<String> expected(List<DeviceSnapshot> devices, List<TelemetryEvent> events) {
		Set<String> expected = new HashSet<>();
		try (Harness harness = new Harness()) {
			devices.forEach(harness::device);
			events.forEach(harness::send);
			harness.alerts().forEach((alert) -> assertThat(expected.add(identity(alert))).isTrue());
		}
		return expected;
	}

	private static String identity(AlertEvent alert) {
		return alert.alertId() + "#" + alert.version() + "#" + alert.status();
	}

	private Process start(String bootstrap, String applicationId, Path stateDir) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path logs = Files.createDirectories(Path.of("target", "crash-logs"));
		File log = logs.resolve(applicationId + "-" + this.children.size() + ".log").toFile();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				StreamsChildMain.class.getName(), bootstrap, applicationId, stateDir.toString())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		this.children.add(process);
		return process;
	}

	private static void produce(String bootstrap, List<DeviceSnapshot> devices, List<TelemetryEvent> events) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<String, DeviceSnapshot> producer = new KafkaProducer<>(config,
				JsonSerdes.keySerializer(Topics.DEVICES), JsonSerdes.valueSerializer(Topics.DEVICES))) {
			devices.forEach(
					(device) -> producer.send(new ProducerRecord<>(Topics.DEVICES.name(), device.deviceId(), device)));
		}
		try (KafkaProducer<String, TelemetryEvent> producer = new KafkaProducer<>(config,
				JsonSerdes.keySerializer(Topics.TELEMETRY), JsonSerdes.valueSerializer(Topics.TELEMETRY))) {
			events.forEach((event) -> producer.send(new ProducerRecord<>(Topics.TELEMETRY.name(), null,
					event.receivedAt().toEpochMilli(), event.deviceId(), event)));
		}
	}

	private KafkaConsumer<String, AlertEvent> consumer(String bootstrap) {
		KafkaConsumer<String, AlertEvent> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"crash-reader-" + this.run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				JsonSerdes.keyDeserializer(Topics.ALERTS), JsonSerdes.valueDeserializer(Topics.ALERTS));
		consumer.subscribe(List.of(Topics.ALERTS.name()));
		return consumer;
	}

	private int read(KafkaConsumer<String, AlertEvent> consumer, List<String> seen) {
		for (ConsumerRecord<String, AlertEvent> record : consumer.poll(Duration.ofMillis(200))) {
			if (record.key().startsWith("crash-" + this.run)) {
				seen.add(identity(record.value()));
			}
		}
		return seen.size();
	}

}
