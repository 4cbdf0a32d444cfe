package io.fleetgrid.ingest.http;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.event.DeadLetter;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.ingest.support.IngestIntegrationTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/telemetry} against the real Kafka broker (device-service is
 * {@link io.fleetgrid.ingest.support.DeviceServiceStandIn a stand-in}).
 */
class TelemetryHttpIntegrationTests extends IngestIntegrationTestSupport {

	private static final String PROBLEM_JSON = "application/problem+json";

	@Test
	void acceptedEventsAppearOnTheTopicOnceEachWithTenantEnrichmentInDeviceOrder() {
		String device = newVehicle("tenant-a");

		HttpResponse<String> response = post(device, batch(1, 2, 3, 4, 5));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(5);
		List<ConsumerRecord<String, TelemetryEvent>> records = readToEnd(Topics.TELEMETRY, device);
		assertThat(records).extracting((record) -> record.value().seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(records).allSatisfy((record) -> {
			assertThat(record.value().tenantId()).isEqualTo("tenant-a");
			assertThat(record.value().deviceType()).isEqualTo(DeviceType.VEHICLE);
			assertThat(record.value().receivedAt()).isNotNull();
			assertThat(record.value().number("speedKph")).isPresent();
		});
	}

	@Test
	void acceptsASingleEventObject() {
		String device = newVehicle("tenant-a");

		HttpResponse<String> response = post(device,
				"{\"ts\":" + System.currentTimeMillis() + ",\"deviceId\":\"" + device + "\",\"metrics\":{}}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(readToEnd(Topics.TELEMETRY, device)).hasSize(1);
	}

	@Test
	void rejectsAMixedBatchWholeWithPerIndexReasonsAndDeadLettersIt() {
		String device = newVehicle("tenant-a");
		String now = Instant.now().toString();
		String body = "[{\"ts\":\"" + now + "\",\"metrics\":{\"speedKph\":50}},{\"ts\":\"" + now
				+ "\",\"metrics\":{\"speedKph\":999}},{\"ts\":\"" + now + "\",\"metrics\":{}}]";

		HttpResponse<String> response = post(device, body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
		assertThat(JsonPath.<List<Integer>>read(response.body(), "$.errors[*].index")).containsExactly(1);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("metrics.speedKph");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<ConsumerRecord<String, DeadLetter>> dead = readToEnd(Topics.TELEMETRY_DLT, device);
			assertThat(dead).singleElement().satisfies((record) -> {
				assertThat(record.value().source()).isEqualTo("ingest-http");
				assertThat(record.value().tenantId()).isEqualTo("tenant-a");
				assertThat(record.value().errors()).singleElement().asString().contains("metrics.speedKph");
			});
		});
		assertThat(readToEnd(Topics.TELEMETRY, device)).isEmpty();
	}

	@Test
	void dropsEventsWhoseSequenceNumberWasAlreadyAccepted() {
		String device = newVehicle("tenant-a");

		assertThat(post(device, batch(1, 2)).statusCode()).isEqualTo(202);
		assertThat(post(device, batch(2, 3, 3)).statusCode()).isEqualTo(202);

		assertThat(readToEnd(Topics.TELEMETRY, device)).extracting((record) -> record.value().seq())
			.containsExactly(1L, 2L, 3L);
	}

	@Test
	void answers429WithRetryAfterWhenADeviceExceedsItsRate() {
		String device = newVehicle("tenant-a");
		long[] first = new long[500];
		long[] second = new long[500];
		for (int i = 0; i < 500; i++) {
			first[i] = i;
			second[i] = 500 + i;
		}

		assertThat(post(device, batch(first)).statusCode()).isEqualTo(202);
		HttpResponse<String> limited = post(device, batch(second));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
		assertThat(limited.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
		assertThat(readToEnd(Topics.TELEMETRY, device)).hasSize(500);
	}

	@Test
	void answers413ForABodyOver256KiB() {
		String device = newVehicle("tenant-a");
		byte[] body = ("[" + "{\"ts\":1,\"metrics\":{}},".repeat(20_000) + "{}]").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = post(device, "token-" + device, "application/json", body);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
	}

	@Test
	void answers415ForANonJsonContentType() {
		String device = newVehicle("tenant-a");

		HttpResponse<String> response = post(device, "token-" + device, "text/plain",
				batch(1).getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
	}

	@Test
	void answers401ForAWrongTokenAnUnknownDeviceOrNoCredentials() {
		String device = newVehicle("tenant-a");
		byte[] body = batch(1).getBytes(StandardCharsets.UTF_8);

		for (HttpResponse<String> response : List.of(post(device, "wrong", "application/json", body),
				post("veh-unknown", "whatever", "application/json", body),
				post(device, null, "application/json", body))) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
		}
		assertThat(readToEnd(Topics.TELEMETRY, device)).isEmpty();
	}

	@Test
	void answers403ForADeactivatedDevice() {
		String device = "veh-inactive-" + System.nanoTime();
		DEVICE_SERVICE.put(device, "token-" + device, "tenant-a", DeviceType.VEHICLE, false);

		HttpResponse<String> response = post(device, batch(1));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(JsonPath.<String>read(response.body(), "$.detail")).contains("deactivated");
	}

	@Test
	void deactivationTakesEffectWithinSecondsThroughTheDeviceTopic() {
		String device = newVehicle("tenant-a");
		assertThat(post(device, batch(1)).statusCode()).isEqualTo(202);

		DEVICE_SERVICE.put(device, "token-" + device, "tenant-a", DeviceType.VEHICLE, false);
		produce(Topics.DEVICES, device, snapshot(device, "tenant-a", false));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(post(device, batch(2)).statusCode()).isEqualTo(403));
	}

	@Test
	void answers403ForADeviceOfASuspendedTenant() {
		String tenant = "tenant-s-" + System.nanoTime();
		String device = newVehicle(tenant);
		assertThat(post(device, batch(1)).statusCode()).isEqualTo(202);

		produce(Topics.TENANTS, tenant,
				new TenantSnapshot(tenant, "Suspended Ltd", TenantSnapshot.Status.SUSPENDED, Instant.now()));

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(post(device, batch(2)).statusCode()).isEqualTo(403));
	}

	@Test
	void keepsCachedDevicesFlowingWhileDeviceServiceIsDownAndAnswersUnknownOnes503() {
		String cached = newVehicle("tenant-a");
		String unknown = newVehicle("tenant-a");
		assertThat(post(cached, batch(1)).statusCode()).isEqualTo(202);

		DEVICE_SERVICE.down(true);
		try {
			assertThat(post(cached, batch(2)).statusCode()).isEqualTo(202);
			HttpResponse<String> response = post(unknown, batch(1));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			DEVICE_SERVICE.down(false);
		}
		assertThat(readToEnd(Topics.TELEMETRY, cached)).hasSize(2);
	}

	@Test
	void answersEveryMalformedInputWithA4xxProblemAndStaysHealthy() {
		String device = newVehicle("tenant-a");
		String now = Instant.now().toString();
		List<String> bodies = List.of("{", "[{\"ts\":\"" + now + "\",\"metrics\":{\"speedKph\":\"fast\"}}]",
				"{\"ts\":\"" + now + "\",\"metrics\":{\"speedKph\":NaN}}",
				"{\"ts\":\"" + now + "\",\"metrics\":{\"speedKph\":Infinity}}",
				"{\"ts\":\"" + now + "\",\"metrics\":{\"odometerKm\":1" + "0".repeat(400) + "}}",
				"[".repeat(5000) + "]".repeat(5000), "{\"ts\":\"" + now + "\",\"metrics\":{\"note\":\"\\ud800\"}}",
				"{\"metrics\":{}}", "{\"ts\":\"" + Instant.now().plusSeconds(3600) + "\",\"metrics\":{}}",
				"{\"ts\":\"" + now + "\",\"deviceId\":\"someone-else\",\"metrics\":{}}", "[]", "42", "");
		for (String body : bodies) {
			HttpResponse<String> response = post(device, body);
			assertThat(response.statusCode()).as(body.length() > 60 ? body.substring(0, 60) : body).isBetween(400, 499);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith(PROBLEM_JSON));
		}
		HttpResponse<String> invalidUtf8 = post(device, "token-" + device, "application/json",
				new byte[] { '{', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' });
		assertThat(invalidUtf8.statusCode()).isEqualTo(400);
		assertThat(post(device, batch(1)).statusCode()).isEqualTo(202);
	}

	@Test
	void anUnpacedBurstFarAboveTheLimitsGets429sAndLosesNoAcceptedEvent() throws Exception {
		List<String> devices = java.util.stream.IntStream.range(0, 20).mapToObj((i) -> newVehicle("tenant-b")).toList();
		Map<String, Set<Long>> accepted = new ConcurrentHashMap<>();
		Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		// 20 devices x 8 batches x 200 events, all at once: each device's bucket holds
		// 600 events, so most are refused.
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String device : devices) {
				for (int b = 0; b < 8; b++) {
					long[] seqs = java.util.stream.LongStream.range(b * 200L, (b + 1) * 200L).toArray();
					pool.submit(() -> {
						int status = post(device, batch(seqs)).statusCode();
						statuses.computeIfAbsent(status, (k) -> new LongAdder()).increment();
						if (status == 202) {
							Set<Long> seen = accepted.computeIfAbsent(device, (k) -> ConcurrentHashMap.newKeySet());
							java.util.Arrays.stream(seqs).forEach(seen::add);
						}
					});
				}
			}
		}

		assertThat(statuses.keySet()).containsOnly(202, 429);
		assertThat(statuses.get(429).sum()).isPositive();
		for (String device : devices) {
			List<Long> onTopic = readToEnd(Topics.TELEMETRY, device).stream()
				.map((record) -> record.value().seq())
				.toList();
			Set<Long> expected = accepted.getOrDefault(device, Set.of());
			assertThat(onTopic).as(device).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	private static DeviceSnapshot snapshot(String device, String tenant, boolean active) {
		Instant now = Instant.now();
		return new DeviceSnapshot(device, tenant, DeviceType.VEHICLE, device, null, List.of(), List.of(), active, null,
				null, now, now);
	}

}
