package io.fleetgrid.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert on {@code fleetgrid.alerts.v1} reaches a logged-in fleet manager's live stream
 * in the portal: notification-service resolves the recipients through auth-service's
 * directory and device-service's registry events, and the gateway relays the session to
 * the Server-Sent Events endpoint.
 */
class AlertDeliveryEndToEndIntegrationTests {

	/** API.md's target is one second; the bound leaves room for a busy CI machine. */
	private static final Duration BOUND = Duration.ofSeconds(5);

	private final FleetGridProcesses fleetgrid = FleetGridProcesses.get();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void raisedAlertReachesTheFleetManagersLiveStreamThroughTheGateway() throws Exception {
		String device = "veh-e2e-" + UUID.randomUUID().toString().substring(0, 8);
		createDevice(device);
		Browser browser = new Browser();
		browser.logIn(this.fleetgrid.gateway(), "manager@demo.local", this.fleetgrid.secret("FLEETGRID_DEMO_PASSWORD"));
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<?> stream = browser.stream(this.fleetgrid.gateway() + "/api/v1/alerts/stream", lines::add)
			.get(30, TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));

		AlertEvent alert = new AlertEvent(UUID.randomUUID().toString(), "demo", device, null, AlertType.OVERSPEED,
				AlertEvent.Severity.CRITICAL, AlertEvent.Status.RAISED, null, Instant.now(), null, Instant.now(), 1,
				"Speed 131 km/h above the limit of 100 km/h", Map.of("maxSpeedKph", 131, "limitKph", 100), null);
		long published = publish(alert);

		String received = awaitLineContaining(lines, alert.alertId());
		Duration latency = Duration.ofNanos(System.nanoTime() - published);
		assertThat(received).contains(device);
		assertThat(latency).as("alert to the portal stream took %s", latency).isLessThan(BOUND);
	}

	private long publish(AlertEvent alert) throws Exception {
		try (KafkaProducer<String, AlertEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.fleetgrid.kafka()),
				JsonSerdes.keySerializer(Topics.ALERTS), JsonSerdes.valueSerializer(Topics.ALERTS))) {
			producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.deviceId(), alert)).get();
			return System.nanoTime();
		}
	}

	private static String awaitLineContaining(BlockingQueue<String> lines, String text) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(200, TimeUnit.MILLISECONDS);
			if (line != null && line.contains(text)) {
				return line;
			}
		}
		throw new AssertionError("the stream did not deliver " + text);
	}

	private void createDevice(String id) throws Exception {
		String accessToken = this.fleetgrid.adminToken();
		HttpResponse<String> created = this.http
			.send(HttpRequest.newBuilder(URI.create(this.fleetgrid.gateway() + "/api/v1/devices"))
				.header("Authorization", "Bearer " + accessToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"id\":\"" + id + "\",\"type\":\"VEHICLE\",\"name\":\"E2E van\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

}
