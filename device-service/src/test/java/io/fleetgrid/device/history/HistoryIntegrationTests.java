package io.fleetgrid.device.history;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History consumers on the real broker and database: idempotent upserts, dead-lettering,
 * the read API with its range checks and tenant isolation, acknowledgement and retention.
 */
class HistoryIntegrationTests extends DeviceIntegrationTestSupport {

	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

	private static KafkaProducer<String, byte[]> producer;

	private final RetentionJob retention;

	HistoryIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
		this.retention = context.getBean(RetentionJob.class);
		synchronized (HistoryIntegrationTests.class) {
			if (producer == null) {
				producer = new KafkaProducer<>(kafkaConsumerConfigAsProducer(), new StringSerializer(),
						new ByteArraySerializer());
			}
		}
	}

	@AfterAll
	static void closeProducer() {
		if (producer != null) {
			producer.close();
			producer = null;
		}
	}

	@Test
	void theSameAlertDeliveredTwiceAndAnOlderReplayAreStoredOnce() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		AlertEvent raised = alert(tenant, device);
		AlertEvent updated = raised.next(Status.UPDATED, T0.plusSeconds(30), null, "faster", null);

		send(Topics.ALERTS, device, raised);
		send(Topics.ALERTS, device, raised);
		send(Topics.ALERTS, device, updated);
		send(Topics.ALERTS, device, raised);
		AlertEvent marker = alert(tenant, device);
		send(Topics.ALERTS, device, marker);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", marker.alertId()) == 1);

		assertThat(count("alert", "alert_id", raised.alertId())).isEqualTo(1);
		assertThat(jdbc().sql("select version from alert where alert_id = :id")
			.param("id", raised.alertId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theSameTripAndRollupDeliveredTwiceAreStoredOnce() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		Trip trip = trip(tenant, device);
		Rollup rollup = rollup(tenant, device, T0);

		send(Topics.TRIPS, device, trip);
		send(Topics.TRIPS, device, trip);
		send(Topics.ROLLUPS, device, rollup);
		send(Topics.ROLLUPS, device, rollup);
		Trip markerTrip = trip(tenant, device);
		Rollup markerRollup = rollup(tenant, device, T0.plus(Duration.ofMinutes(1)));
		send(Topics.TRIPS, device, markerTrip);
		send(Topics.ROLLUPS, device, markerRollup);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("trip", "trip_id", markerTrip.tripId()) == 1
					&& count("rollup", "device_id", device) == 2);

		assertThat(count("trip", "trip_id", trip.tripId())).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(json(call(HttpMethod.GET, "/api/v1/devices/" + device,
					TestTokens.bearer(tenant, Role.FLEET_MANAGER), null))
				.read("$.lastSeenAt", String.class)).isEqualTo(markerRollup.windowEnd().toString()));
		assertThat(count("trip", "device_id", device)).isEqualTo(2);
		ResponseEntity<String> telemetry = call(
				HttpMethod.GET, "/api/v1/devices/" + device + "/telemetry?from=" + T0 + "&to="
						+ T0.plus(Duration.ofHours(1)) + "&resolution=MINUTE",
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), null);
		assertThat(telemetry.getStatusCode()).as(telemetry.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json(telemetry).read("$.length()", Integer.class)).isEqualTo(2);
		assertThat(json(call(HttpMethod.GET, "/api/v1/devices/" + device + "/trips",
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), null))
			.read("$.length()", Integer.class)).isEqualTo(2);
	}

	@Test
	void aRecordThatDoesNotParseIsDeadLetteredAndTheNextOneIsStored() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		producer.send(new ProducerRecord<>(Topics.ALERTS.name(), device, "{not json".getBytes(StandardCharsets.UTF_8)));
		AlertEvent next = alert(tenant, device);

		send(Topics.ALERTS, device, next);

		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", next.alertId()) == 1);
		assertThat(deadLetters(Topics.ALERTS.name() + HistoryKafkaConfiguration.DLT_SUFFIX, device)).isEqualTo(1);
	}

	@Test
	void acknowledgementStoresWhoAndWhenAndPublishesTheAcknowledgedStep() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		AlertEvent raised = storedAlert(tenant, device);

		ResponseEntity<String> acked = call(HttpMethod.POST, "/api/v1/alerts/" + raised.alertId() + "/ack",
				TestTokens.bearer("m-1", tenant, Role.FLEET_MANAGER), "{\"comment\": \"driver called\"}");

		assertThat(acked.getStatusCode()).as(acked.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json(acked).read("$.status", String.class)).isEqualTo("ACKNOWLEDGED");
		assertThat(json(acked).read("$.version", Integer.class)).isEqualTo(2);
		assertThat(json(acked).read("$.acknowledgement.by", String.class)).isEqualTo("m-1");
		assertThat(json(acked).read("$.acknowledgement.comment", String.class)).isEqualTo("driver called");
		relay();
		AlertEvent published = readUntil(Topics.ALERTS, (record) -> device.equals(record.key())
				&& record.value() != null && record.value().status() == Status.ACKNOWLEDGED, Duration.ofSeconds(30))
			.getLast()
			.value();
		assertThat(published.alertId()).isEqualTo(raised.alertId());
		assertThat(published.acknowledgement().by()).isEqualTo("m-1");
		assertThat(call(HttpMethod.POST, "/api/v1/alerts/" + raised.alertId() + "/ack",
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), null)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(call(HttpMethod.POST, "/api/v1/alerts/" + raised.alertId() + "/ack",
				TestTokens.bearer(tenant, Role.USER), null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theProcessorsNextStepWithTheAcknowledgementsVersionStillAppliesAndKeepsTheAcknowledgement() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		AlertEvent raised = storedAlert(tenant, device);
		ResponseEntity<String> acked = call(HttpMethod.POST, "/api/v1/alerts/" + raised.alertId() + "/ack",
				TestTokens.bearer("m-1", tenant, Role.FLEET_MANAGER), null);
		assertThat(acked.getStatusCode()).as(acked.getBody()).isEqualTo(HttpStatus.OK);
		relay();

		// The stream-processor never saw the acknowledgement: its CLEARED is version 2
		// too.
		AlertEvent cleared = raised.next(Status.CLEARED, T0.plusSeconds(60), T0.plusSeconds(60), "back to normal",
				null);
		send(Topics.ALERTS, device, cleared);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "CLEARED".equals(jdbc().sql("select status from alert where alert_id = :id")
				.param("id", raised.alertId())
				.query(String.class)
				.single()));
		AlertEvent marker = alert(tenant, device);
		send(Topics.ALERTS, device, marker);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", marker.alertId()) == 1);

		var alert = json(call(HttpMethod.GET, "/api/v1/alerts/" + raised.alertId(),
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), null));
		assertThat(alert.read("$.status", String.class)).isEqualTo("CLEARED");
		assertThat(alert.read("$.version", Integer.class)).isEqualTo(2);
		assertThat(jdbc().sql("select acknowledged_by from alert where alert_id = :id")
			.param("id", raised.alertId())
			.query(String.class)
			.single()).isEqualTo("m-1");
	}

	@Test
	void serviceAcknowledgesOnBehalfOfAUserOfTheNamedTenantOnly() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		AlertEvent raised = alert(tenant, device);
		send(Topics.ALERTS, device, raised);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", raised.alertId()) == 1);
		String path = "/internal/v1/alerts/" + raised.alertId() + "/ack";

		assertThat(internalAck(path, TestTokens.service(), unique("t"), "u-9").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(internalAck(path, TestTokens.bearer(tenant, Role.ADMIN), tenant, "u-9").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<String> acked = internalAck(path, TestTokens.service(), tenant, "u-9");

		assertThat(acked.getStatusCode()).as(acked.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(json(acked).read("$.status", String.class)).isEqualTo("ACKNOWLEDGED");
		assertThat(json(acked).read("$.acknowledgement.by", String.class)).isEqualTo("u-9");
		assertThat(json(acked).read("$.acknowledgement.comment", String.class)).isEqualTo("from the e-mail");
	}

	private ResponseEntity<String> internalAck(String path, String authorization, String tenant, String user) {
		return RestClient.create(baseUrl())
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.header("X-FleetGrid-Tenant", tenant)
			.header("X-FleetGrid-On-Behalf-Of", user)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"comment\": \"from the e-mail\"}")
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@Test
	void anotherTenantsHistoryIsNotFound() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		AlertEvent raised = alert(tenant, device);
		send(Topics.ALERTS, device, raised);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", raised.alertId()) == 1);
		String stranger = TestTokens.bearer(unique("t"), Role.ADMIN);
		String range = "?from=" + T0 + "&to=" + T0.plus(Duration.ofHours(1));

		for (String path : List.of("/api/v1/alerts/" + raised.alertId(), "/api/v1/devices/" + device + "/alerts",
				"/api/v1/devices/" + device + "/trips", "/api/v1/devices/" + device + "/telemetry" + range,
				"/api/v1/alerts?deviceId=" + device)) {
			assertThat(call(HttpMethod.GET, path, stranger, null).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(call(HttpMethod.POST, "/api/v1/alerts/" + raised.alertId() + "/ack", stranger, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(json(call(HttpMethod.GET, "/api/v1/alerts", stranger, null)).read("$.length()", Integer.class))
			.isZero();
	}

	@Test
	void aUserSeesOnlyTheAlertsOfItsAssignedDevices() {
		String tenant = unique("t");
		String mine = createDevice(tenant, "[\"u-1\"]");
		String other = createDevice(tenant, "[]");
		AlertEvent visible = alert(tenant, mine);
		AlertEvent hidden = alert(tenant, other);
		send(Topics.ALERTS, mine, visible);
		send(Topics.ALERTS, other, hidden);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "tenant_id", tenant) == 2);
		String user = TestTokens.bearer("u-1", tenant, Role.USER);

		assertThat(strings(call(HttpMethod.GET, "/api/v1/alerts", user, null), "$[*].alertId"))
			.containsExactly(visible.alertId());
		assertThat(call(HttpMethod.GET, "/api/v1/alerts/" + hidden.alertId(), user, null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void telemetryRangesAreValidatedNamingTheParameter() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		String manager = TestTokens.bearer(tenant, Role.FLEET_MANAGER);
		String base = "/api/v1/devices/" + device + "/telemetry";

		ResponseEntity<String> missing = call(HttpMethod.GET, base, manager, null);
		ResponseEntity<String> reversed = call(HttpMethod.GET, base + "?from=" + T0 + "&to=" + T0.minusSeconds(60),
				manager, null);
		ResponseEntity<String> tooLong = call(HttpMethod.GET,
				base + "?resolution=MINUTE&from=" + T0.minus(Duration.ofDays(8)) + "&to=" + T0, manager, null);
		ResponseEntity<String> garbage = call(HttpMethod.GET, base + "?from=yesterday&to=" + T0, manager, null);

		assertThat(strings(missing, "$.errors[*].field")).containsExactlyInAnyOrder("from", "to");
		assertThat(strings(reversed, "$.errors[*].field")).containsExactly("to");
		assertThat(strings(tooLong, "$.errors[*].field")).containsExactly("from");
		assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(strings(garbage, "$.errors[*].field")).containsExactly("from");
	}

	@Test
	void retentionDeletesExpiredRowsPerTenant() {
		String tenant = unique("t");
		String device = createDevice(tenant, "[]");
		assertThat(call(HttpMethod.PUT, "/api/v1/admin/retention", TestTokens.bearer(tenant, Role.ADMIN),
				"{\"minuteRollupDays\": 2}")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		insertRollup(rollup(tenant, device, now.minus(Duration.ofDays(3))));
		insertRollup(rollup(tenant, device, now.minus(Duration.ofDays(1))));

		this.retention.runOnce();

		assertThat(count("rollup", "device_id", device)).isEqualTo(1);
	}

	private void insertRollup(Rollup rollup) {
		jdbc().sql("""
				insert into rollup (device_id, resolution, window_start, tenant_id, rollup)
				values (:device, 'MINUTE', :start, :tenant, '{}'::jsonb)
				""")
			.param("device", rollup.deviceId())
			.param("start", Timestamp.from(rollup.windowStart()))
			.param("tenant", rollup.tenantId())
			.update();
	}

	private String createDevice(String tenant, String assignedUsers) {
		String id = unique("veh");
		ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/devices",
				TestTokens.bearer(tenant, Role.FLEET_MANAGER), """
						{"id": "%s", "type": "VEHICLE", "name": "Van", "assignedUserIds": %s}
						""".formatted(id, assignedUsers));
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		return id;
	}

	private <V> void send(TopicSpec<String, V> topic, String key, V value) {
		RecordHeaders headers = new RecordHeaders();
		byte[] bytes = JsonSerdes.valueSerializer(topic).serialize(topic.name(), headers, value);
		try {
			producer.send(new ProducerRecord<>(topic.name(), null, key, bytes, headers)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(String table, String column, String value) {
		return jdbc().sql("select count(*) from " + table + " where " + column + " = :value")
			.param("value", value)
			.query(Long.class)
			.single();
	}

	private long deadLetters(String topic, String key) {
		Properties config = new Properties();
		config.putAll(kafkaConsumerConfig());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				long found = 0;
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found++;
					}
				}
				if (found > 0) {
					return found;
				}
			}
		}
		return 0;
	}

	private Map<String, Object> kafkaConsumerConfigAsProducer() {
		Map<String, Object> config = new HashMap<>();
		config.put("bootstrap.servers", kafkaConsumerConfig().get("bootstrap.servers"));
		return config;
	}

	private AlertEvent storedAlert(String tenant, String device) {
		AlertEvent raised = alert(tenant, device);
		send(Topics.ALERTS, device, raised);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("alert", "alert_id", raised.alertId()) == 1);
		return raised;
	}

	private static AlertEvent alert(String tenant, String device) {
		return new AlertEvent(UUID.randomUUID().toString(), tenant, device, null, AlertType.OVERSPEED, Severity.WARNING,
				Status.RAISED, null, T0, null, T0, 1, "too fast", Map.of("speedKph", 131.0), null);
	}

	private static Trip trip(String tenant, String device) {
		return new Trip(UUID.randomUUID().toString(), device, tenant, T0, T0.plus(Duration.ofMinutes(20)),
				new GeoPoint(52.5, 13.4), new GeoPoint(52.6, 13.5), 12.5, 88.0, 41.0, 1, 0, 0,
				Trip.EndReason.IGNITION_OFF, List.of());
	}

	private static Rollup rollup(String tenant, String device, Instant windowStart) {
		return new Rollup(device, tenant, Rollup.Resolution.MINUTE, windowStart, windowStart.plusSeconds(60), 12, 0.9,
				54.0, 61.0, null, null, 90.0, null, Map.of("speedKph", new Rollup.MetricStats(12, 40, 61, 648, 55)));
	}

}
