package io.fleetgrid.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.notification.NotificationServiceApplication;
import io.fleetgrid.notification.support.Alerts;
import io.fleetgrid.notification.support.FakeAuthService;
import io.fleetgrid.notification.support.MailSink;
import io.fleetgrid.notification.support.MutableClock;
import io.fleetgrid.notification.support.SseClient;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service (two application contexts, each with its own web server,
 * consumers, dispatcher and stream fan-out) on the same real Kafka broker, PostgreSQL
 * database and SMTP sink, as two replicas run in production. Instance A consumes no
 * alerts and dispatches nothing, so whatever its streams receive was processed by
 * instance B. Both share one controllable clock.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES, Server.SMTP }, database = "notification_instances")
class NotificationInstancesIntegrationTests {

	static final MutableClock CLOCK = new MutableClock();

	private static final FakeAuthService AUTH = FakeAuthService.start();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static ConfigurableApplicationContext instanceA;

	private static ConfigurableApplicationContext instanceB;

	@BeforeAll
	static void startInstances() {
		instanceA = start();
		instanceA.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("notification-alerts").stop();
		instanceA.getBean(Dispatcher.class).stop();
		instanceB = start();
	}

	@AfterAll
	static void stopInstances() {
		if (instanceB != null) {
			instanceB.close();
		}
		if (instanceA != null) {
			instanceA.close();
		}
		AUTH.close();
	}

	@Test
	void aStreamOnOneInstanceGetsAnAlertProcessedByTheOtherExactlyOnce() throws Exception {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-live", tenant + "-live@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-live", tenant, Role.FLEET_MANAGER);
		SseClient onA = SseClient.open(port(instanceA), token, null);
		SseClient onB = SseClient.open(port(instanceB), token, null);
		AlertEvent alert = Alerts.raised(tenant, "veh-x", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant());
		try {
			Alerts.publish(alert);

			assertThat(onA.nextEvent("alert")).contains(alert.alertId());
			assertThat(onB.nextEvent("alert")).contains(alert.alertId());
			await().atMost(WAIT).until(() -> MailSink.mailsTo(tenant + "-live@example.test").size() == 1);
			await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
			assertThat(onA.events()).filteredOn((e) -> e.name().equals("alert")).hasSize(1);
			assertThat(onB.events()).filteredOn((e) -> e.name().equals("alert")).hasSize(1);
			assertThat(onA.events().get(0).id()).isEqualTo(onB.events().get(0).id());
		}
		finally {
			onA.close();
			onB.close();
		}
	}

	@Test
	void aStreamResumedOnOneInstanceReplaysWhatTheOtherDeliveredWhileItWasAway() throws Exception {
		String tenant = tenant();
		AUTH.addUser(tenant, "u-r", tenant + "-r@example.test", "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-r", tenant, Role.FLEET_MANAGER);
		AlertEvent first = Alerts.raised(tenant, "veh-r1", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant());
		String firstId;
		try (SseClient stream = SseClient.open(port(instanceA), token, null)) {
			Alerts.publish(first);
			assertThat(stream.nextEvent("alert")).contains(first.alertId());
			firstId = stream.events().get(0).id();
		}
		AlertEvent missed = Alerts.raised(tenant, "veh-r2", AlertType.LOW_FUEL, Severity.WARNING, CLOCK.instant());
		Alerts.publish(missed);
		await().atMost(WAIT)
			.until(() -> history(token).stream()
				.anyMatch((n) -> missed.alertId().equals(n.get("alertId")) && "WEB".equals(n.get("channel"))
						&& "SENT".equals(n.get("status"))));

		try (SseClient resumed = SseClient.open(port(instanceA), token, firstId)) {
			assertThat(resumed.nextEvent("alert")).contains(missed.alertId());
			AlertEvent live = Alerts.raised(tenant, "veh-r3", AlertType.DTC, Severity.WARNING, CLOCK.instant());
			Alerts.publish(live);
			assertThat(resumed.nextEvent("alert")).contains(live.alertId());
			await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
			assertThat(resumed.events()).extracting(SseClient.Event::data)
				.noneMatch((data) -> data.contains(first.alertId()))
				.hasSize(2);
		}
	}

	@Test
	void twoInstancesSummariseAnEndedThrottleWindowOnce() throws Exception {
		String tenant = tenant();
		String address = tenant + "-s@example.test";
		AUTH.addUser(tenant, "u-s", address, "FLEET_MANAGER", null);
		String token = TestTokens.bearer("u-s", tenant, Role.FLEET_MANAGER);
		for (int i = 0; i < 4; i++) {
			Alerts.publish(Alerts.raised(tenant, "veh-s", AlertType.OVERSPEED, Severity.WARNING, CLOCK.instant()));
		}
		await().atMost(WAIT)
			.until(() -> MailSink.mailsTo(address).size() == 1
					&& history(token).stream().filter((n) -> "SUPPRESSED".equals(n.get("status"))).count() == 6);
		try (SseClient onA = SseClient.open(port(instanceA), token, null)) {
			CLOCK.advance(Duration.ofMinutes(11));

			assertThat(onA.nextEvent("summary")).contains("3 more OVERSPEED alerts for veh-s suppressed");
			await().atMost(WAIT).until(() -> MailSink.mailsTo(address).size() == 2);
			await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
			assertThat(MailSink.mailsTo(address)).extracting((mail) -> mail.get("subject"))
				.containsExactly("[FleetGrid] WARNING OVERSPEED on veh-s — raised",
						"[FleetGrid] 3 more OVERSPEED alerts for veh-s suppressed");
			assertThat(onA.events()).filteredOn((e) -> e.name().equals("summary")).hasSize(1);
		}

		// Even if the window were found open again (as after a lost update), the
		// persisted idempotency key lets no second summary in.
		int reopened = instanceB.getBean(JdbcClient.class)
			.sql("update throttle_window set state = 'OPEN' where tenant_id = ?")
			.param(tenant)
			.update();
		assertThat(reopened).isEqualTo(2);
		await().atMost(WAIT)
			.until(() -> instanceB.getBean(JdbcClient.class)
				.sql("select count(*) from throttle_window where tenant_id = ? and state = 'OPEN'")
				.param(tenant)
				.query(Integer.class)
				.single() == 0);
		await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> true);
		assertThat(MailSink.mailsTo(address)).hasSize(2);
		assertThat(history(token)).filteredOn((n) -> n.get("summary") != null)
			.extracting((n) -> n.get("channel"))
			.containsExactlyInAnyOrder("EMAIL", "WEB");
	}

	private static ConfigurableApplicationContext start() {
		// Command-line arguments: they win over application.yml (server.port 8084).
		return new SpringApplicationBuilder(NotificationServiceApplication.class, TestTokens.Config.class,
				ClockConfig.class)
			.profiles("test")
			.run("--server.port=0", "--fleetgrid.notification.directory.auth-service-url=" + AUTH.url(),
					"--fleetgrid.notification.ack.secret=instances-test-ack-secret",
					"--fleetgrid.notification.directory.user-cache-ttl=0s",
					"--fleetgrid.notification.throttle.max-per-window=1",
					"--fleetgrid.notification.throttle.window=10m");
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static List<Map<String, Object>> history(String token) {
		String json = RestClient.create("http://localhost:" + port(instanceB))
			.get()
			.uri("/api/v1/notifications")
			.header(HttpHeaders.AUTHORIZATION, token)
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	private static String tenant() {
		return "t" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Configuration(proxyBeanMethods = false)
	static class ClockConfig {

		@Bean
		@Primary
		MutableClock testClock() {
			return CLOCK;
		}

	}

}
