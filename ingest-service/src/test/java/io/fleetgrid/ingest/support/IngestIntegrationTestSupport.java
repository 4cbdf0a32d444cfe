package io.fleetgrid.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest service on the real Kafka broker, with {@link DeviceServiceStandIn} in place
 * of device-service. Subclasses share one Spring context.
 */
@RealInfra(servers = Server.KAFKA)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "fleetgrid.ingest.telemetry.device-rate=100", "fleetgrid.ingest.telemetry.device-burst=600",
				"fleetgrid.ingest.telemetry.tenant-rate=1000000", "fleetgrid.ingest.telemetry.tenant-burst=1000000",
				"fleetgrid.ingest.device-auth.open-state-wait=1s" })
@ActiveProfiles("test")
public abstract class IngestIntegrationTestSupport {

	/** The stand-in for device-service, shared by the test JVM. */
	protected static final DeviceServiceStandIn DEVICE_SERVICE = start();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void deviceService(DynamicPropertyRegistry registry) {
		registry.add("fleetgrid.ingest.device-auth.url", DEVICE_SERVICE::url);
	}

	private static DeviceServiceStandIn start() {
		try {
			return new DeviceServiceStandIn();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Registers a new active vehicle with device-service.
	 * @param tenantId its tenant
	 * @return its id (its token is {@code "token-" + id})
	 */
	protected static String newVehicle(String tenantId) {
		String id = "veh-" + UUID.randomUUID();
		DEVICE_SERVICE.put(id, "token-" + id, tenantId, DeviceType.VEHICLE, true);
		return id;
	}

	/**
	 * POSTs to {@code /api/v1/telemetry}.
	 * @param deviceId Basic user
	 * @param token Basic password, or null for no Authorization header
	 * @param contentType the content type
	 * @param body the body
	 * @return the response
	 */
	protected HttpResponse<String> post(String deviceId, String token, String contentType, byte[] body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/telemetry"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (token != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((deviceId + ":" + token).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * POSTs JSON as a device with its stand-in token.
	 * @param deviceId the device
	 * @param json the body
	 * @return the response
	 */
	protected HttpResponse<String> post(String deviceId, String json) {
		return post(deviceId, "token-" + deviceId, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A JSON batch of events with the given sequence numbers, time now.
	 * @param seqs sequence numbers
	 * @return the JSON array
	 */
	protected static String batch(long... seqs) {
		String now = Instant.now().toString();
		List<String> events = new ArrayList<>();
		for (long seq : seqs) {
			events.add("{\"ts\":\"" + now + "\",\"seq\":" + seq + ",\"metrics\":{\"speedKph\":" + (seq % 120)
					+ ",\"ignition\":true}}");
		}
		return events.stream().collect(Collectors.joining(",", "[", "]"));
	}

	/**
	 * Reads a topic up to its current end and returns the values of one key.
	 * @param <V> value type
	 * @param topic the topic
	 * @param key the key
	 * @return the values, in partition order
	 */
	protected static <V> List<ConsumerRecord<String, V>> readToEnd(TopicSpec<String, V> topic, String key) {
		return KafkaTestRecords.readToEnd(topic, key);
	}

	/**
	 * Writes a record as another service would.
	 * @param <V> value type
	 * @param topic the topic
	 * @param key the key
	 * @param value the value, null for a tombstone
	 */
	protected static <V> void produce(TopicSpec<String, V> topic, String key, V value) {
		KafkaTestRecords.produce(topic, key, value);
	}

}
