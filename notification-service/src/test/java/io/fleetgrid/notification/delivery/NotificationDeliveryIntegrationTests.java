package io.fleetgrid.notification.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.directory.DeviceDirectory;
import io.fleetgrid.notification.support.Alerts;
import io.fleetgrid.notification.support.FakeAuthService;
import io.fleetgrid.notification.support.MailSink;
import io.fleetgrid.notification.support.MutableClock;
import io.fleetgrid.notification.support.SseClient;
import io.fleetgrid.notification.support.WebhookReceiver;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery pipeline end to end on the real servers: alerts on the real Kafka broker,
 * rows in the real PostgreSQL, mails through the real SMTP sink, webhooks to a real local
 * HTTP receiver. {@link FakeAuthService} is a real local HTTP server that stands in for
 * auth-service (the user listing) and device-service (acknowledge). The clock is
 * controllable: it runs with real time plus an offset the tests move forward.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES, Server.SMTP }, database = "notification_delivery")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
@Import({ TestTokens.Config.class, NotificationDeliveryIntegrationTests.ClockConfig.class })
class NotificationDeliveryIntegrationTests {

	static final MutableClock CLOCK = new MutableClock();

	static final FakeAuthService AUTH = FakeAuthService.start();

	static final WebhookReceiver RECEIVER = WebhookReceiver.start(CLOCK);

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private final DeviceDirectory devices;

	NotificationDeliveryIntegrationTests(@Autowired DeviceDirectory devices) {
		this.devices = devices;
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("fleetgrid.notification.directory.auth-service-url", AUTH::url);
		registry.add("fleetgrid.notification.ack.device-service-url", AUTH::url);
		registry.add("fleetgrid.notification.portal-url", () -> "http://portal.test");
		registry.add("fleetgrid.notification.public-url", () -> "http://gateway.test");
		registry.add("fleetgrid.notification.ack.secret", () -> "integration-test-ack-secret");
		registry.add("fleetgrid.notification.throttle.max-per-window", () -> "2");
		registry.add("fleetgrid.notification.throttle.window", () -> "10m");
		registry.add("fleetgrid.notification.escalation.after", () -> "15m");
		registry.add("fleetgrid.notification.directory.user-cache-ttl", () -> "0s");
		registry.add("fleetgrid.notification.webhooks.retry-for", () -> "1m");
		registry.add("fleetgrid.notification.webhooks.disable-after", () -> "1m");
	}

	@AfterAll
	static void stopServers() {
		AUTH.close();
		RECEIVER.close();
	}

	@Test
	void mailsTheFleetManagerWithSubjectPortalLinkAndOneTimeAcknowledgeLink() {
		String tenant = tenant();
		String manager = tenant + "-manager@example.test";
		AUTH.addUser(tenant, "u-manager", manager, "FLEET_MANAGER", null);
		AUTH.addUser(tenant, "u-user", tenant + "-user@example.test", "USER", null);
		AlertEvent alert = Alerts.raised(tenant, "veh-1", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant());

		Alerts.publish(alert);

		await().atMost(WAIT).until(() -> MailSink.mailsTo(manager).size() == 1);
		Map<String, Object> mail = MailSink.mailsTo(manager).get(0);
		assertThat(mail.get("subject")).isEqualTo("[FleetGrid] WARNING OVERSPEED on veh-1 — raised");
		assertThat((String) mail.get("text")).contains("http://portal.test/alerts/" + alert.alertId())
			.contains("http://gateway.test/api/v1/notifications/ack/");
		assertThat((String) mail.get("html")).contains("href=\"http://portal.test/alerts/" + alert.alertId() + "\"");
		// The USER has no device assigned and, by default, only the web channel: no mail.
		assertThat(MailSink.mailsTo(tenant + "-user@example.test")).isEmpty();

		Matcher ack = Pattern.compile("http://gateway.test(/api/v1/notifications/ack/\\S+)")
			.matcher((String) mail.get("text"));
		assertThat(ack.find()).isTrue();
		RestClient anonymous = RestClient.create("http://localhost:" + this.port);
		assertThat(exchange(anonymous.get().uri(ack.group(1))).getStatusCode().value()).isEqualTo(200);
		assertThat(exchange(anonymous.post().uri(ack.group(1))).getStatusCode().value()).isEqualTo(200);
		assertThat(AUTH.acks()).contains(tenant + "/u-manager/" + alert.alertId());
		assertThat(exchange(anonymous.post().uri(ack.group(1))).getStatusCode().value()).isEqualTo(410);

		List<Map<String, Object>> history = history(TestTokens.bearer("u-manager", tenant, Role.FLEET_MANAGER));
		assertThat(history).extracting((n) -> n.get("channel") + ":" + n.get("status"))
			.containsExactlyInAnyOrder("EMAIL:SENT", "WEB:SENT");
	}

	@Test
	void alertsWhoseRecipientsCannotBeLookedUpAreParkedAndDeliveredOnceTheDirectoryAnswersAgain() {
		String tenant = tenant();
		String manager = tenant + "-parked@example.test";
		AUTH.addUser(tenant, "u-parked", manager, "FLEET_MANAGER", null);
		AlertEvent raised = Alerts.raised(tenant, "veh-p", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant());
		// device-service's acknowledgement and the stream-processor's CLEARED both follow
		// version 1, so both carry version 2: neither may hide the other.
		AlertEvent acknowledged = raised.acknowledge("u-parked", CLOCK.instant().plusSeconds(5), null);
		AlertEvent cleared = raised.next(Status.CLEARED, CLOCK.instant().plusSeconds(10),
				CLOCK.instant().plusSeconds(10), "Speed back under the limit", null);
		AUTH.setDown(true);
		try {
			Alerts.publish(raised, acknowledged, cleared);
			await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
			assertThat(MailSink.mailsTo(manager)).isEmpty();
		}
		finally {
			AUTH.setDown(false);
		}

		await().atMost(WAIT).until(() -> MailSink.mailsTo(manager).size() == 3);
		assertThat(MailSink.mailsTo(manager)).extracting((mail) -> (String) mail.get("subject"))
			.anySatisfy((subject) -> assertThat(subject).endsWith("raised"))
			.anySatisfy((subject) -> assertThat(subject).endsWith("acknowledged"))
			.anySatisfy((subject) -> assertThat(subject).endsWith("cleared"));
	}

	@Test
	void userGetsAlertsOfAssignedDevicesOnlyOnTheWeb() {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-driver", tenant + "-driver@example.test", "USER", null);
		Alerts.publishDevice(new DeviceSnapshot("veh-assigned", tenant, DeviceType.VEHICLE, "Van", "g-1", List.of(),
				List.of("u-driver"), true, null, null, Instant.now(), Instant.now()));
		await().atMost(WAIT).until(() -> this.devices.find(tenant, "veh-assigned").isPresent());
		AlertEvent mine = Alerts.raised(tenant, "veh-assigned", AlertType.LOW_FUEL, Severity.INFO, CLOCK.instant());
		AlertEvent other = Alerts.raised(tenant, "veh-other", AlertType.LOW_FUEL, Severity.CRITICAL, CLOCK.instant());

		Alerts.publish(other, mine);

		String token = TestTokens.bearer("u-driver", tenant, Role.USER);
		await().atMost(WAIT).until(() -> history(token).size() == 1);
		assertThat(history(token).get(0)).containsEntry("alertId", mine.alertId())
			.containsEntry("channel", "WEB")
			.containsEntry("status", "SENT");
	}

	@Test
	void postsASignedWebhookThatTheReceiverVerifies() {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-ops", tenant + "-ops@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-ops", tenant, Role.FLEET_MANAGER);
		String path = "/hooks/" + tenant;
		String secret = registerWebhookSubscription(token, RECEIVER.endpoint(path, 0), path);
		AlertEvent alert = Alerts.raised(tenant, "veh-9", AlertType.HARSH_BRAKING, Severity.WARNING, CLOCK.instant());

		Alerts.publish(alert);

		await().atMost(WAIT).until(() -> RECEIVER.requests(path).size() == 1);
		WebhookReceiver.Request request = RECEIVER.requests(path).get(0);
		assertThat(request.signatureValid()).isTrue();
		assertThat(request.body()).contains("\"alertId\":\"" + alert.alertId() + "\"")
			.contains("\"type\":\"alert.raised\"");
		assertThat(secret).startsWith("whsec_");
	}

	@Test
	void receiverFailingThreeTimesGetsExactlyOneSuccessfulDelivery() {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-ops", tenant + "-ops@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-ops", tenant, Role.FLEET_MANAGER);
		String path = "/flaky/" + tenant;
		registerWebhookSubscription(token, RECEIVER.endpoint(path, 3), path);
		Alerts.publish(Alerts.raised(tenant, "veh-3", AlertType.DTC, Severity.CRITICAL, CLOCK.instant()));

		await().atMost(WAIT).until(() -> RECEIVER.requests(path).stream().anyMatch((r) -> r.status() == 200));
		await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
		List<WebhookReceiver.Request> requests = RECEIVER.requests(path);
		assertThat(requests).extracting(WebhookReceiver.Request::status).containsExactly(500, 500, 500, 200);
		assertThat(requests).allMatch(WebhookReceiver.Request::signatureValid);
		assertThat(requests).extracting(WebhookReceiver.Request::deliveryId).containsOnly(requests.get(0).deliveryId());
		Map<String, Object> webhook = history(token).stream()
			.filter((n) -> "WEBHOOK".equals(n.get("channel")))
			.findFirst()
			.orElseThrow();
		assertThat(webhook).containsEntry("status", "SENT").containsEntry("attempts", 4L);
	}

	@Test
	void disablesAnEndpointFailingForLongTellsTheAdminsAndRedeliversManually() {
		String tenant = tenant();
		String admin = tenant + "-admin@example.test";
		AUTH.addUser(tenant, "u-admin", admin, "ADMIN", null);
		String token = TestTokens.bearer("u-admin", tenant, Role.ADMIN);
		String path = "/down/" + tenant;
		registerWebhookSubscription(token, RECEIVER.endpoint(path, Integer.MAX_VALUE), path);
		Alerts.publish(Alerts.raised(tenant, "veh-d", AlertType.DTC, Severity.WARNING, CLOCK.instant()));
		await().atMost(WAIT).until(() -> RECEIVER.requests(path).size() >= 2);

		CLOCK.advance(Duration.ofMinutes(2));

		await().atMost(WAIT)
			.until(() -> MailSink.mailsTo(admin)
				.stream()
				.anyMatch((mail) -> String.valueOf(mail.get("subject")).startsWith("[FleetGrid] Webhook disabled")));
		Map<String, Object> webhook = list(token, "/api/v1/webhooks").get(0);
		assertThat(webhook).containsEntry("enabled", false);
		Map<String, Object> failed = history(token).stream()
			.filter((n) -> "WEBHOOK".equals(n.get("channel")))
			.findFirst()
			.orElseThrow();
		assertThat(failed).containsEntry("status", "FAILED");

		RECEIVER.recover(path);
		post(token, "/api/v1/webhooks/" + webhook.get("id") + "/enable", Map.of());
		post(token, "/api/v1/notifications/" + failed.get("id") + "/redeliver", Map.of());

		await().atMost(WAIT).until(() -> RECEIVER.requests(path).stream().anyMatch((r) -> r.status() == 200));
		await().atMost(WAIT)
			.until(() -> history(token).stream()
				.anyMatch((n) -> failed.get("id").equals(n.get("id")) && "SENT".equals(n.get("status"))));
	}

	@Test
	void aRedeliveredAlertTransitionIsSentOnce() {
		String tenant = tenant();
		String manager = tenant + "-m@example.test";
		AUTH.addUser(tenant, "u-m", manager, "ADMIN", null);
		AlertEvent alert = Alerts.raised(tenant, "veh-2", AlertType.ENGINE_OVERHEAT, Severity.WARNING, CLOCK.instant());

		Alerts.publish(alert, alert);
		Alerts.publish(alert);

		await().atMost(WAIT).until(() -> MailSink.mailsTo(manager).size() == 1);
		await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
		assertThat(MailSink.mailsTo(manager)).hasSize(1);
	}

	@Test
	void neverDeliversAnotherTenantsAlert() {
		String tenantA = tenant();
		String tenantB = tenant();
		AUTH.addUser(tenantA, "u-a", tenantA + "-a@example.test", "FLEET_MANAGER", null);
		AUTH.addUser(tenantB, "u-b", tenantB + "-b@example.test", "FLEET_MANAGER", null);
		String tokenA = TestTokens.bearer("u-a", tenantA, Role.ADMIN);
		String tokenB = TestTokens.bearer("u-b", tenantB, Role.ADMIN);
		AUTH.addUser(tenantA, "u-a-ops", tenantA + "-ops@example.test", "FLEET_MANAGER", null);
		String path = "/tenant-a/" + tenantA;
		registerWebhookSubscription(TestTokens.bearer("u-a-ops", tenantA, Role.FLEET_MANAGER),
				RECEIVER.endpoint(path, 0), path);

		Alerts.publish(Alerts.raised(tenantA, "veh-1", AlertType.OVERSPEED, Severity.CRITICAL, CLOCK.instant()));

		await().atMost(WAIT).until(() -> MailSink.mailsTo(tenantA + "-a@example.test").size() == 1);
		await().atMost(WAIT).until(() -> RECEIVER.requests(path).size() == 1);
		assertThat(MailSink.mailsTo(tenantB + "-b@example.test")).isEmpty();
		assertThat(history(tokenB)).isEmpty();
		Object idOfA = history(tokenA).get(0).get("id");
		RestClient client = RestClient.create("http://localhost:" + this.port);
		assertThat(
				exchange(client.get().uri("/api/v1/notifications/" + idOfA).header(HttpHeaders.AUTHORIZATION, tokenB))
					.getStatusCode()
					.value())
			.isEqualTo(404);
		String webhookOfA = (String) list(tokenA, "/api/v1/webhooks").get(0).get("id");
		assertThat(
				exchange(client.get().uri("/api/v1/webhooks/" + webhookOfA).header(HttpHeaders.AUTHORIZATION, tokenB))
					.getStatusCode()
					.value())
			.isEqualTo(404);
	}

	@Test
	void throttlesRepeatedAlertsOfADeviceAndTypeWithinTheWindow() {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-t", tenant + "-t@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-t", tenant, Role.FLEET_MANAGER);
		for (int i = 0; i < 4; i++) {
			Alerts.publish(Alerts.raised(tenant, "veh-7", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant()));
		}
		await().atMost(WAIT)
			.until(() -> history(token).stream()
				.filter((n) -> "EMAIL".equals(n.get("channel")) && !"PENDING".equals(n.get("status")))
				.count() == 4);
		List<Map<String, Object>> emails = history(token).stream()
			.filter((n) -> "EMAIL".equals(n.get("channel")))
			.toList();
		assertThat(emails).extracting((n) -> n.get("status")).containsOnly("SENT", "SUPPRESSED");
		assertThat(emails.stream().filter((n) -> "SUPPRESSED".equals(n.get("status")))).hasSize(2)
			.allSatisfy((n) -> assertThat((String) n.get("reason")).startsWith("throttled"));

		CLOCK.advance(Duration.ofMinutes(11));
		Alerts.publish(Alerts.raised(tenant, "veh-7", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant()));
		await().atMost(WAIT).until(() -> MailSink.mailsTo(tenant + "-t@example.test").size() == 4);
	}

	@Test
	void summarisesTheSuppressedAlertsOnceWhenTheThrottleWindowEnds() throws Exception {
		String tenant = tenant();
		String address = tenant + "-s@example.test";
		AUTH.addUser(tenant, "u-s", address, "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-s", tenant, Role.FLEET_MANAGER);
		for (int i = 0; i < 5; i++) {
			Alerts.publish(Alerts.raised(tenant, "veh-s", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant()));
		}
		await().atMost(WAIT)
			.until(() -> MailSink.mailsTo(address).size() == 2
					&& history(token).stream().filter((n) -> "SUPPRESSED".equals(n.get("status"))).count() == 6);
		assertThat(history(token)).filteredOn((n) -> n.get("summary") != null).isEmpty();
		SseClient stream = SseClient.open(this.port, token, null);
		try {
			CLOCK.advance(Duration.ofMinutes(11));

			await().atMost(WAIT).until(() -> MailSink.mailsTo(address).size() == 3);
			Map<String, Object> summary = MailSink.mailsTo(address).get(2);
			assertThat(summary.get("subject")).isEqualTo("[FleetGrid] 3 more OVERSPEED alerts for veh-s suppressed");
			assertThat((String) summary.get("text")).contains("3 more OVERSPEED alerts for veh-s suppressed between");
			assertThat(stream.nextEvent("summary")).contains("\"count\":3").contains("veh-s");
		}
		finally {
			stream.close();
		}
		await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
		assertThat(MailSink.mailsTo(address)).hasSize(3);
		assertThat(history(token)).filteredOn((n) -> n.get("summary") != null)
			.extracting((n) -> n.get("channel") + ":" + n.get("status"))
			.containsExactlyInAnyOrder("EMAIL:SENT", "WEB:SENT");
	}

	@Test
	void holdsNonCriticalMailsDuringQuietHoursAndSendsOneDigestAfterwards() {
		String tenant = tenant();
		String address = tenant + "-q@example.test";
		ZoneId zone = ZoneId.of("Asia/Tokyo");
		AUTH.addUser(tenant, "u-q", address, "FLEET_MANAGER", zone.getId());
		String token = TestTokens.bearer("u-q", tenant, Role.FLEET_MANAGER);
		LocalTime local = CLOCK.instant().atZone(zone).toLocalTime();
		post(token, "/api/v1/subscriptions",
				Map.of("name", "quiet nights", "channels", List.of("EMAIL"), "quietHours",
						Map.of("start", local.minusMinutes(30).withSecond(0).withNano(0).toString(), "end",
								local.plusMinutes(30).withSecond(0).withNano(0).toString())));

		Alerts.publish(Alerts.raised(tenant, "veh-q1", AlertType.LOW_FUEL, Severity.WARNING, CLOCK.instant()),
				Alerts.raised(tenant, "veh-q2", AlertType.DTC, Severity.INFO, CLOCK.instant()),
				Alerts.raised(tenant, "veh-q3", AlertType.ENGINE_OVERHEAT, Severity.CRITICAL, CLOCK.instant()));

		await().atMost(WAIT).until(() -> MailSink.mailsTo(address).size() == 1);
		assertThat(MailSink.mailsTo(address).get(0).get("subject")).asString().contains("CRITICAL ENGINE_OVERHEAT");
		assertThat(history(token)).filteredOn((n) -> "PENDING".equals(n.get("status"))).hasSize(2);

		CLOCK.advance(Duration.ofMinutes(31));
		await().atMost(WAIT).until(() -> MailSink.mailsTo(address).size() == 2);
		Map<String, Object> digest = MailSink.mailsTo(address).get(1);
		assertThat(digest.get("subject")).isEqualTo("[FleetGrid] 2 alerts during your quiet hours");
		assertThat((String) digest.get("text")).contains("veh-q1").contains("veh-q2");
	}

	@Test
	void escalatesUnacknowledgedCriticalAlertsToAdminsUntilAcknowledged() {
		String tenant = tenant();
		String admin = tenant + "-admin@example.test";
		AUTH.addUser(tenant, "u-admin", admin, "ADMIN", null);
		String token = TestTokens.bearer("u-admin", tenant, Role.ADMIN);
		AlertEvent ignored = Alerts.raised(tenant, "veh-e1", AlertType.ENGINE_OVERHEAT, Severity.CRITICAL,
				CLOCK.instant());
		AlertEvent acknowledged = Alerts.raised(tenant, "veh-e2", AlertType.ENGINE_OVERHEAT, Severity.CRITICAL,
				CLOCK.instant());
		Alerts.publish(ignored, acknowledged);
		Alerts.publish(acknowledged.acknowledge("u-someone", CLOCK.instant(), null));
		await().atMost(WAIT).until(() -> MailSink.mailsTo(admin).size() == 3);

		CLOCK.advance(Duration.ofMinutes(16));

		await().atMost(WAIT)
			.until(() -> history(token).stream().anyMatch((n) -> "escalation".equals(n.get("subscriptionId"))));
		await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
		assertThat(history(token)).filteredOn((n) -> "escalation".equals(n.get("subscriptionId")))
			.extracting((n) -> n.get("alertId") + ":" + n.get("channel"))
			.containsExactlyInAnyOrder(ignored.alertId() + ":EMAIL", ignored.alertId() + ":WEB");
	}

	@Test
	void escalatesAfterTheTenantsOwnEscalationTime() {
		String tenant = tenant();
		String admin = tenant + "-admin@example.test";
		AUTH.addUser(tenant, "u-admin", admin, "ADMIN", null);
		String token = TestTokens.bearer("u-admin", tenant, Role.ADMIN);
		String otherTenant = tenant();
		AUTH.addUser(otherTenant, "u-admin", otherTenant + "-admin@example.test", "ADMIN", null);
		String otherToken = TestTokens.bearer("u-admin", otherTenant, Role.ADMIN);
		Map<String, Object> policy = put(token, "/api/v1/notifications/policy", Map.of("escalationMinutes", 40));
		assertThat(policy).containsEntry("escalationMinutes", 40L).containsEntry("isDefault", false);
		assertThat(get(otherToken, "/api/v1/notifications/policy")).containsEntry("escalationMinutes", 15L)
			.containsEntry("isDefault", true);
		AlertEvent slow = Alerts.raised(tenant, "veh-p1", AlertType.ENGINE_OVERHEAT, Severity.CRITICAL,
				CLOCK.instant());
		AlertEvent usual = Alerts.raised(otherTenant, "veh-p2", AlertType.ENGINE_OVERHEAT, Severity.CRITICAL,
				CLOCK.instant());
		Alerts.publish(slow, usual);
		await().atMost(WAIT).until(() -> MailSink.mailsTo(admin).size() == 1);

		CLOCK.advance(Duration.ofMinutes(16));
		await().atMost(WAIT).until(() -> escalated(otherToken).size() == 2);
		assertThat(escalated(token)).isEmpty();

		// Shortening the tenant's time applies to the escalation already waiting.
		put(token, "/api/v1/notifications/policy", Map.of("escalationMinutes", 20));
		CLOCK.advance(Duration.ofMinutes(5));
		await().atMost(WAIT).until(() -> escalated(token).size() == 2);
		assertThat(escalated(token)).extracting((n) -> n.get("alertId") + ":" + n.get("channel"))
			.containsExactlyInAnyOrder(slow.alertId() + ":EMAIL", slow.alertId() + ":WEB");
		// The WEB row keeps its reason (an EMAIL row's reason is replaced by the send
		// result).
		assertThat(escalated(token)).filteredOn((n) -> "WEB".equals(n.get("channel")))
			.singleElement()
			.satisfies((n) -> assertThat(n).containsEntry("reason", "escalated: not acknowledged within PT20M"));
	}

	@Test
	void onlyAdminsChangeTheNotificationPolicyAndInvalidMinutesAreAProblemNamingTheField() {
		String tenant = tenant();
		RestClient client = RestClient.create("http://localhost:" + this.port);
		ResponseEntity<String> manager = exchange(client.put()
			.uri("/api/v1/notifications/policy")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u-m", tenant, Role.FLEET_MANAGER))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("escalationMinutes", 30)));
		assertThat(manager.getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> invalid = exchange(client.put()
			.uri("/api/v1/notifications/policy")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("u-a", tenant, Role.ADMIN))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("escalationMinutes", 0)));
		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(invalid.getBody()).contains("escalationMinutes: must be between 1 and 1440 minutes");
		String admin = TestTokens.bearer("u-a", tenant, Role.ADMIN);
		put(admin, "/api/v1/notifications/policy", Map.of("escalationMinutes", 30));
		Map<String, Object> reset = put(admin, "/api/v1/notifications/policy", Map.of());
		assertThat(reset).containsEntry("escalationMinutes", 15L)
			.containsEntry("isDefault", true)
			.containsEntry("updatedBy", "u-a");
	}

	private List<Map<String, Object>> escalated(String token) {
		return history(token).stream().filter((n) -> "escalation".equals(n.get("subscriptionId"))).toList();
	}

	@Test
	void streamsWebNotificationsLiveAndReplaysMissedOnesAfterLastEventId() throws Exception {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-live", tenant + "-live@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-live", tenant, Role.FLEET_MANAGER);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/alerts/stream"))
			.header(HttpHeaders.AUTHORIZATION, token)
			.build();
		HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
		try {
			AlertEvent first = Alerts.raised(tenant, "veh-live", AlertType.OVERSPEED, Severity.WARNING,
					CLOCK.instant());
			Alerts.publish(first);
			String data = nextLineStartingWith(lines, "data:");
			assertThat(data).contains(first.alertId());
		}
		finally {
			reader.interrupt();
			response.body().close();
		}
		AlertEvent missed = Alerts.raised(tenant, "veh-live2", AlertType.LOW_FUEL, Severity.WARNING, CLOCK.instant());
		Alerts.publish(missed);
		await().atMost(WAIT)
			.until(() -> history(token).stream()
				.anyMatch((n) -> missed.alertId().equals(n.get("alertId")) && "WEB".equals(n.get("channel"))
						&& "SENT".equals(n.get("status"))));
		long firstId = history(token).stream()
			.filter((n) -> "WEB".equals(n.get("channel")) && !missed.alertId().equals(n.get("alertId")))
			.mapToLong((n) -> ((Number) n.get("id")).longValue())
			.findFirst()
			.orElseThrow();
		HttpResponse<Stream<String>> resumed = http.send(HttpRequest.newBuilder(request.uri())
			.header(HttpHeaders.AUTHORIZATION, token)
			.header("Last-Event-ID", Long.toString(firstId))
			.build(), HttpResponse.BodyHandlers.ofLines());
		BlockingQueue<String> replay = new LinkedBlockingQueue<>();
		Thread replayReader = Thread.ofVirtual().start(() -> resumed.body().forEach(replay::add));
		try {
			assertThat(nextLineStartingWith(replay, "data:")).contains(missed.alertId());
		}
		finally {
			replayReader.interrupt();
			resumed.body().close();
		}
		// Another tenant's user with the same id sees nothing of this tenant.
		assertThat(history(TestTokens.bearer("u-live", tenant(), Role.FLEET_MANAGER))).isEmpty();
	}

	@Test
	void deadLettersAnUnreadableAlertAndKeepsConsuming() {
		String tenant = tenant();
		String address = tenant + "-dlt@example.test";
		AUTH.addUser(tenant, "u-dlt", address, "FLEET_MANAGER", null);
		Alerts.publishRaw("veh-poison", "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Alerts.publish(Alerts.raised(tenant, "veh-poison", AlertType.DTC, Severity.WARNING, CLOCK.instant()));

		await().atMost(WAIT).until(() -> MailSink.mailsTo(address).size() == 1);
		assertThat(Alerts.readAll(KafkaConfiguration.ALERTS_DLT)).anyMatch((value) -> value.startsWith("{not json"));
	}

	private static String nextLineStartingWith(BlockingQueue<String> lines, String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(1, TimeUnit.SECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		throw new AssertionError("no line starting with " + prefix);
	}

	@Test
	void rejectsASubscriptionWithoutChannelsNamingTheField() {
		String token = TestTokens.bearer("u-x", tenant(), Role.USER);
		ResponseEntity<String> response = exchange(RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/v1/subscriptions")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "x", "channels", List.of())));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		assertThat(response.getBody()).contains("channels");
	}

	private String registerWebhookSubscription(String token, String url, String path) {
		Map<String, Object> webhook = post(token, "/api/v1/webhooks", Map.of("url", url));
		String secret = (String) webhook.get("secret");
		RECEIVER.secret(path, secret);
		post(token, "/api/v1/subscriptions", Map.of("name", "hook", "channels", List.of("WEBHOOK"), "webhookId",
				webhook.get("id"), "minSeverity", "WARNING"));
		return secret;
	}

	private Map<String, Object> post(String token, String path, Map<String, Object> body) {
		return send(HttpMethod.POST, token, path, body);
	}

	private Map<String, Object> put(String token, String path, Map<String, Object> body) {
		return send(HttpMethod.PUT, token, path, body);
	}

	private Map<String, Object> send(HttpMethod method, String token, String path, Map<String, Object> body) {
		String json = RestClient.create("http://localhost:" + this.port)
			.method(method)
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private Map<String, Object> get(String token, String path) {
		String json = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private List<Map<String, Object>> history(String token) {
		return list(token, "/api/v1/notifications");
	}

	private List<Map<String, Object>> list(String token, String path) {
		String json = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	private static ResponseEntity<String> exchange(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, reply) -> ResponseEntity.status(reply.getStatusCode())
			.headers(reply.getHeaders())
			.body(reply.bodyTo(String.class)));
	}

	private static String tenant() {
		return "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockConfig {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}

	}

}
