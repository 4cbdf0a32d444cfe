package io.fleetgrid.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
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
import io.fleetgrid.notification.support.WebhookReceiver;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the service in the middle of a batch (the application context is closed while
 * alerts are still being delivered) and starts it again on the same real Kafka broker,
 * PostgreSQL and SMTP sink: every alert is mailed and posted exactly once.
 * {@link FakeAuthService} is a local HTTP server standing in for auth-service.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES, Server.SMTP }, database = "notification_restart")
class NotificationRestartIntegrationTests {

	private static final FakeAuthService AUTH = FakeAuthService.start();

	private static final WebhookReceiver RECEIVER = WebhookReceiver.start(java.time.Clock.systemUTC());

	private static final int ALERTS = 30;

	private static final String GROUP = "notification-restart-" + UUID.randomUUID();

	@AfterAll
	static void stopServers() {
		AUTH.close();
		RECEIVER.close();
	}

	@Test
	void restartMidBatchSendsNoDuplicateMailsOrWebhooks() {
		String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
		String address = tenant + "-manager@example.test";
		AUTH.addUser(tenant, "u-manager", address, "FLEET_MANAGER", null);
		String path = "/restart/" + tenant;
		String url = RECEIVER.endpoint(path, 0);

		ConfigurableApplicationContext app = start();
		String token = TestTokens.bearer("u-manager", tenant, Role.FLEET_MANAGER);
		Map<String, Object> webhook = post(app, token, "/api/v1/webhooks", Map.of("url", url));
		RECEIVER.secret(path, (String) webhook.get("secret"));
		post(app, token, "/api/v1/subscriptions",
				Map.of("name", "all", "channels", List.of("EMAIL", "WEBHOOK"), "webhookId", webhook.get("id")));
		AlertEvent[] alerts = IntStream.range(0, ALERTS)
			.mapToObj((i) -> Alerts.raised(tenant, "veh-" + i, AlertType.OVERSPEED, Severity.WARNING, Instant.now()))
			.toArray(AlertEvent[]::new);

		Alerts.publish(alerts);
		await().atMost(Duration.ofSeconds(30)).until(() -> MailSink.mailsTo(address).size() >= 3);
		app.close();
		assertThat(MailSink.mailsTo(address).size()).as("the restart happens mid-batch").isLessThan(ALERTS);

		ConfigurableApplicationContext restarted = start();
		try {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> MailSink.mailsTo(address).size() >= ALERTS && RECEIVER.requests(path).size() >= ALERTS);
			await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
		}
		finally {
			restarted.close();
		}
		List<Map<String, Object>> mails = MailSink.mailsTo(address);
		Set<Object> subjects = mails.stream().map((mail) -> mail.get("subject")).collect(Collectors.toSet());
		assertThat(mails).hasSize(ALERTS);
		assertThat(subjects).hasSize(ALERTS);
		assertThat(RECEIVER.requests(path)).hasSize(ALERTS)
			.allMatch(WebhookReceiver.Request::signatureValid)
			.extracting(WebhookReceiver.Request::deliveryId)
			.doesNotHaveDuplicates();
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(NotificationServiceApplication.class, TestTokens.Config.class)
			.profiles("test")
			.properties("server.port=0", "fleetgrid.notification.directory.auth-service-url=" + AUTH.url(),
					"fleetgrid.notification.ack.secret=restart-test-ack-secret",
					// Both runs are the same consumer group: the second continues from
					// the first's commits.
					"fleetgrid.notification.alerts-group=" + GROUP)
			.run();
	}

	private static Map<String, Object> post(ConfigurableApplicationContext app, String token, String path,
			Map<String, Object> body) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String json = RestClient.create("http://localhost:" + port)
			.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class);
		return JsonSerdes.mapper().readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

}
