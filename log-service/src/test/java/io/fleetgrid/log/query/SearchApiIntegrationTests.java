package io.fleetgrid.log.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.log.TestEvents;
import io.fleetgrid.log.TestEvents.Response;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static io.fleetgrid.log.TestEvents.count;
import static io.fleetgrid.log.TestEvents.get;
import static io.fleetgrid.log.TestEvents.term;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search API on the real servers: events produced to Kafka, indexed by the running
 * service, searched over HTTP with test tokens. Log shipping is on, so log-service's own
 * log lines travel through Kafka into the index too.
 */
@RealInfra(servers = { Server.KAFKA, Server.SEARCH })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "fleetgrid.observability.shipping.enabled=true")
@Import(TestTokens.Config.class)
class SearchApiIntegrationTests {

	private static final Duration INDEXED = Duration.ofSeconds(60);

	private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String tenantA = "ta" + this.run;

	private final String tenantB = "tb" + this.run;

	private final int port;

	private final ElasticsearchClient search;

	SearchApiIntegrationTests(@LocalServerPort int port, @Autowired ElasticsearchClient search) {
		this.port = port;
		this.search = search;
	}

	@Test
	void logLinesOfARealRequestAreSearchableByTextLevelAndTraceIdWithinSeconds() {
		String subject = "auditor" + this.run;
		String traceId = UUID.randomUUID().toString().replace("-", "");
		Response request = get(this.port, "/api/v1/alerts/search?q=overspeed",
				TestTokens.bearer(subject, this.tenantA, Role.ADMIN), "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(request.status()).isEqualTo(200);
		Instant requested = Instant.now();

		String admin = TestTokens.bearer(this.tenantA, Role.ADMIN);
		await().atMost(INDEXED).untilAsserted(() -> {
			Response found = get(this.port,
					"/api/v1/logs/search?q=" + subject + "&level=info&traceId=" + traceId + "&service=log-service",
					admin);
			assertThat(found.status()).isEqualTo(200);
			assertThat(found.json().get("hits")).isNotEmpty();
		});
		Duration took = Duration.between(requested, Instant.now());
		assertThat(took).as("from the request to its log line being searchable").isLessThan(Duration.ofSeconds(20));

		JsonNode line = get(this.port, "/api/v1/logs/search?q=" + subject, admin).json().get("hits").get(0);
		assertThat(line.get("service").asString()).isEqualTo("log-service");
		assertThat(line.get("level").asString()).isEqualTo("INFO");
		assertThat(line.get("traceId").asString()).isEqualTo(traceId);
		assertThat(line.get("tenantId").asString()).isEqualTo(this.tenantA);
		assertThat(line.get("message").asString()).contains("Search of alerts by " + subject);

		Response trace = get(this.port, "/api/v1/logs/trace/" + traceId, admin);
		assertThat(trace.status()).isEqualTo(200);
		assertThat(trace.json().get("services").get(0).asString()).isEqualTo("log-service");
		assertThat(trace.json().get("lines")).isNotEmpty();

		Response otherTenant = get(this.port, "/api/v1/logs/trace/" + traceId,
				TestTokens.bearer(this.tenantB, Role.ADMIN));
		assertThat(otherTenant.status()).isEqualTo(404);
		assertThat(otherTenant.contentType()).startsWith("application/problem+json");
	}

	@Test
	void traceViewListsTheLinesOfAllServicesInTimeOrder() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		TestEvents.send(Topics.LOGS, List.of(
				entry("ingest-service",
						TestEvents.log("ingest-service", "INFO", "accepted 3 events", traceId, this.tenantA,
								start.plusMillis(5))),
				entry("api-gateway",
						TestEvents.log("api-gateway", "INFO", "POST /api/v1/telemetry", traceId, this.tenantA, start)),
				entry("stream-processor", TestEvents.log("stream-processor", "WARN", "overspeed on truck-7", traceId,
						this.tenantA, start.plusMillis(40)))));
		String admin = TestTokens.bearer(this.tenantA, Role.ADMIN);

		await().atMost(INDEXED)
			.untilAsserted(
					() -> assertThat(get(this.port, "/api/v1/logs/trace/" + traceId, admin).status()).isEqualTo(200));
		await().atMost(INDEXED)
			.untilAsserted(
					() -> assertThat(get(this.port, "/api/v1/logs/trace/" + traceId, admin).json().get("lines").size())
						.isEqualTo(3));
		JsonNode trace = get(this.port, "/api/v1/logs/trace/" + traceId, admin).json();
		assertThat(values(trace.get("services"))).containsExactly("api-gateway", "ingest-service", "stream-processor");
		assertThat(texts(trace.get("lines"), "message")).containsExactly("POST /api/v1/telemetry", "accepted 3 events",
				"overspeed on truck-7");
	}

	@Test
	void anAdminSeesOnlyItsOwnTenantsAuditAlertsAndLogLines() {
		String action = "PROBE_" + this.run.toUpperCase(java.util.Locale.ROOT);
		TestEvents.send(Topics.AUDIT,
				List.<Map.Entry<String, AuditEvent>>of(
						entry(this.tenantA, TestEvents.audit("a-" + this.run, this.tenantA, action, Map.of())),
						entry(this.tenantB, TestEvents.audit("b-" + this.run, this.tenantB, action, Map.of())),
						entry(AuditEvent.PLATFORM_KEY, TestEvents.audit("p-" + this.run, null, action, Map.of()))));
		TestEvents.send(Topics.ALERTS,
				List.<Map.Entry<String, AlertEvent>>of(
						entry("truck-a",
								TestEvents.alert("alert-a-" + this.run, this.tenantA, "truck-a",
										"Speed " + this.run + " above the limit")),
						entry("truck-b", TestEvents.alert("alert-b-" + this.run, this.tenantB, "truck-b",
								"Speed " + this.run + " above the limit"))));
		TestEvents.send(Topics.LOGS, List.<Map.Entry<String, LogEvent>>of(entry("device-service",
				TestEvents.log("device-service", "ERROR", "secret " + this.run, null, this.tenantB, Instant.now()))));
		await().atMost(INDEXED)
			.until(() -> count(this.search, IndexKind.AUDIT.pattern(), term("action", action)) == 3
					&& count(this.search, IndexKind.ALERTS.pattern(),
							term("docId", "alert-b-" + this.run + ":1:RAISED")) == 1
					&& count(this.search, IndexKind.LOGS.pattern(), term("tenantId", this.tenantB)) >= 1);

		String adminA = TestTokens.bearer(this.tenantA, Role.ADMIN);
		assertThat(texts(get(this.port, "/api/v1/audit/search?action=" + action, adminA).json().get("hits"), "eventId"))
			.containsExactly("a-" + this.run);
		assertThat(texts(get(this.port, "/api/v1/alerts/search?q=" + this.run, adminA).json().get("hits"), "alertId"))
			.containsExactly("alert-a-" + this.run);
		assertThat(get(this.port, "/api/v1/alerts/search?alertId=alert-b-" + this.run, adminA).json().get("hits"))
			.isEmpty();
		assertThat(get(this.port, "/api/v1/logs/search?q=" + this.run, adminA).json().get("hits")).isEmpty();
		// The query parameters cannot widen the scope: there is no tenant parameter.
		assertThat(get(this.port, "/api/v1/audit/search?tenantId=" + this.tenantB, adminA).status()).isEqualTo(400);

		String adminB = TestTokens.bearer(this.tenantB, Role.ADMIN);
		assertThat(texts(get(this.port, "/api/v1/logs/search?q=secret+" + this.run, adminB).json().get("hits"),
				"tenantId"))
			.containsExactly(this.tenantB);

		String operator = TestTokens.operator();
		assertThat(
				texts(get(this.port, "/api/v1/audit/search?action=" + action, operator).json().get("hits"), "eventId"))
			.as("an operator sees platform audit events only")
			.containsExactly("p-" + this.run);
		assertThat(get(this.port, "/api/v1/logs/search?q=" + this.run, operator).json().get("hits")).isEmpty();
		Response operatorAlerts = get(this.port, "/api/v1/alerts/search", operator);
		assertThat(operatorAlerts.status()).isEqualTo(403);
		assertThat(operatorAlerts.contentType()).startsWith("application/problem+json");

		String managerA = TestTokens.bearer(this.tenantA, Role.FLEET_MANAGER);
		assertThat(texts(get(this.port, "/api/v1/alerts/search?q=" + this.run, managerA).json().get("hits"), "alertId"))
			.containsExactly("alert-a-" + this.run);
		assertThat(get(this.port, "/api/v1/audit/search", managerA).status()).isEqualTo(403);
		assertThat(get(this.port, "/api/v1/logs/search", managerA).status()).isEqualTo(403);
		Response userAlerts = get(this.port, "/api/v1/alerts/search?q=" + this.run,
				TestTokens.bearer(this.tenantA, Role.USER));
		assertThat(userAlerts.status()).isEqualTo(200);
		assertThat(userAlerts.json().get("hits")).as("a user with no assigned device sees none").isEmpty();
		assertThat(get(this.port, "/api/v1/alerts/search", "Bearer not-a-token").status()).isEqualTo(401);
	}

	@Test
	void aUserSeesOnlyTheAlertsOfTheDevicesAssignedToThemAndAnotherTenantsAdminNone() {
		String user = "u" + this.run;
		String a1 = "a1-" + this.run;
		String a2 = "a2-" + this.run;
		String b1 = "b1-" + this.run;
		// A record that is not a device snapshot is skipped, not fatal to the directory.
		TestEvents.sendRaw(Topics.DEVICES.name(), "junk-" + this.run,
				"not a snapshot".getBytes(StandardCharsets.UTF_8));
		// The same user id is assigned a device in tenant B too: scope is per tenant.
		TestEvents.send(Topics.DEVICES,
				List.<Map.Entry<String, DeviceSnapshot>>of(entry(a1, device(a1, this.tenantA, user)),
						entry(a2, device(a2, this.tenantA, "someone-else")),
						entry(b1, device(b1, this.tenantB, user))));
		TestEvents.send(Topics.ALERTS,
				List.<Map.Entry<String, AlertEvent>>of(
						entry(a1, TestEvents.alert("alert-" + a1, this.tenantA, a1, "Coolant " + this.run)),
						entry(a2, TestEvents.alert("alert-" + a2, this.tenantA, a2, "Coolant " + this.run)),
						entry(b1, TestEvents.alert("alert-" + b1, this.tenantB, b1, "Coolant " + this.run))));
		await().atMost(INDEXED)
			.until(() -> Stream.of(a1, a2, b1)
				.allMatch((id) -> count(this.search, IndexKind.ALERTS.pattern(),
						term("docId", "alert-" + id + ":1:RAISED")) == 1));
		String userA = TestTokens.bearer(user, this.tenantA, Role.USER);

		await().atMost(INDEXED)
			.untilAsserted(() -> assertThat(
					texts(get(this.port, "/api/v1/alerts/search?q=" + this.run, userA).json().get("hits"), "alertId"))
				.containsExactly("alert-" + a1));
		// A filter can only narrow the scope, never widen it.
		assertThat(get(this.port, "/api/v1/alerts/search?deviceId=" + a2 + "," + b1, userA).json().get("hits"))
			.isEmpty();
		assertThat(texts(
				get(this.port, "/api/v1/alerts/search?q=" + this.run, TestTokens.bearer(user, this.tenantB, Role.USER))
					.json()
					.get("hits"),
				"alertId"))
			.containsExactly("alert-" + b1);
		assertThat(texts(get(this.port, "/api/v1/alerts/search?q=" + this.run,
				TestTokens.bearer(this.tenantA, Role.FLEET_MANAGER))
			.json()
			.get("hits"), "alertId")).containsExactlyInAnyOrder("alert-" + a1, "alert-" + a2);
		assertThat(
				texts(get(this.port, "/api/v1/alerts/search?q=" + this.run, TestTokens.bearer(this.tenantB, Role.ADMIN))
					.json()
					.get("hits"), "alertId"))
			.as("tenant B's admin sees none of tenant A's alerts")
			.containsExactly("alert-" + b1);

		// Unassigning the device (a new snapshot on the compacted topic) takes it out of
		// the
		// user's scope.
		TestEvents.send(Topics.DEVICES,
				List.<Map.Entry<String, DeviceSnapshot>>of(entry(a1, device(a1, this.tenantA))));
		await().atMost(INDEXED)
			.untilAsserted(
					() -> assertThat(get(this.port, "/api/v1/alerts/search?q=" + this.run, userA).json().get("hits"))
						.isEmpty());
	}

	private static DeviceSnapshot device(String id, String tenant, String... users) {
		Instant now = Instant.now();
		return new DeviceSnapshot(id, tenant, DeviceType.VEHICLE, id, "fleet-1", List.of(), List.of(users), true, null,
				null, now, now);
	}

	@Test
	void pagesWithSearchAfterFiltersByLevelAndCountsPerLevelAndServiceOverTime() {
		String tenant = "tc" + this.run;
		Instant hour = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
		List<Map.Entry<String, LogEvent>> lines = new ArrayList<>();
		String[] levels = { "INFO", "ERROR", "WARN", "INFO", "ERROR", "INFO", "DEBUG" };
		for (int i = 0; i < levels.length; i++) {
			String service = (i % 2 == 0) ? "svc-a" : "svc-b";
			lines.add(entry(service, TestEvents.log(service, levels[i], "brake pressure reading " + i, null, tenant,
					hour.plus(10L * i, ChronoUnit.MINUTES))));
		}
		TestEvents.send(Topics.LOGS, lines);
		await().atMost(INDEXED)
			.until(() -> count(this.search, IndexKind.LOGS.pattern(), term("tenantId", tenant)) == 7);
		String admin = TestTokens.bearer(tenant, Role.ADMIN);

		List<String> messages = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Response page = get(this.port, "/api/v1/logs/search?service=svc-a,svc-b&sort=asc&size=3"
					+ ((after != null) ? "&after=" + after : ""), admin);
			assertThat(page.status()).isEqualTo(200);
			messages.addAll(texts(page.json().get("hits"), "message"));
			JsonNode next = page.json().get("next");
			after = (next == null || next.isNull()) ? null : next.asString();
			pages++;
		}
		while (after != null && pages < 10);
		assertThat(messages).containsExactly("brake pressure reading 0", "brake pressure reading 1",
				"brake pressure reading 2", "brake pressure reading 3", "brake pressure reading 4",
				"brake pressure reading 5", "brake pressure reading 6");

		assertThat(texts(
				get(this.port, "/api/v1/logs/search?service=svc-a,svc-b&level=error,WARN", admin).json().get("hits"),
				"message"))
			.containsExactly("brake pressure reading 4", "brake pressure reading 2", "brake pressure reading 1");
		assertThat(get(this.port, "/api/v1/logs/search?q=%22reading+3%22+%7C+%22reading+5%22", admin).json()
			.get("total")
			.asLong()).isEqualTo(2);
		assertThat(get(this.port, "/api/v1/logs/search?q=brake+-reading", admin).json().get("total").asLong()).isZero();
		assertThat(get(this.port, "/api/v1/logs/search?q=%7B%22match_all%22%3A%7B%7D%7D", admin).json()
			.get("total")
			.asLong()).as("query DSL in q is only text").isZero();

		JsonNode aggregations = get(this.port,
				"/api/v1/logs/search?interval=30m&size=1&from=" + hour + "&to=" + hour.plus(1, ChronoUnit.HOURS), admin)
			.json()
			.get("aggregations");
		assertThat(aggregations.get("totals").get("level").get("INFO").asLong()).isEqualTo(3);
		assertThat(aggregations.get("totals").get("level").get("ERROR").asLong()).isEqualTo(2);
		assertThat(aggregations.get("totals").get("service").get("svc-a").asLong()).isEqualTo(4);
		JsonNode timeline = aggregations.get("timeline");
		assertThat(timeline.size()).as("buckets from :00, :30 and :60 (the range is inclusive)").isEqualTo(3);
		assertThat(timeline.get(0).get("start").asString()).isEqualTo(hour.toString());
		assertThat(timeline.get(0).get("count").asLong()).isEqualTo(3);
		assertThat(timeline.get(1).get("count").asLong()).isEqualTo(3);
		assertThat(timeline.get(1).get("counts").get("level").get("ERROR").asLong()).isEqualTo(1);
		assertThat(timeline.get(2).get("count").asLong()).isEqualTo(1);
	}

	@Test
	void rejectsInvalidParametersWithAProblemNamingTheParameter() {
		String admin = TestTokens.bearer(this.tenantA, Role.ADMIN);
		assertProblem(get(this.port, "/api/v1/logs/search?from=yesterday", admin), "from");
		assertProblem(get(this.port, "/api/v1/logs/search?from=2026-11-23T10:00:00Z&to=2026-11-22T10:00:00Z", admin),
				"from");
		assertProblem(get(this.port, "/api/v1/logs/search?size=0", admin), "size");
		assertProblem(get(this.port, "/api/v1/logs/search?size=501", admin), "size");
		assertProblem(get(this.port, "/api/v1/logs/search?sort=message", admin), "sort");
		assertProblem(get(this.port, "/api/v1/logs/search?level=LOUD", admin), "level");
		assertProblem(get(this.port, "/api/v1/logs/search?after=not-a-cursor", admin), "after");
		assertProblem(get(this.port, "/api/v1/logs/search?interval=1h", admin), "from");
		assertProblem(get(this.port, "/api/v1/logs/search?interval=7m&from=2026-11-23T10:00:00Z", admin), "interval");
		assertProblem(get(this.port, "/api/v1/logs/search?interval=1m&from=2020-01-01T00:00:00Z", admin), "interval");
		assertProblem(get(this.port, "/api/v1/logs/search?query=x", admin), "query");
		assertProblem(get(this.port, "/api/v1/logs/search?service=%7B%22bool%22%3A1%7D", admin), "service");
		assertProblem(get(this.port, "/api/v1/alerts/search?severity=HUGE", admin), "severity");
		assertProblem(get(this.port, "/api/v1/alerts/search?type=overspeed!", admin), "type");
		assertProblem(get(this.port, "/api/v1/audit/search?outcome=MAYBE", admin), "outcome");
		assertProblem(get(this.port, "/api/v1/logs/trace/not-hex", admin), "traceId");
	}

	private static void assertProblem(Response response, String parameter) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).startsWith(parameter + ": ");
		assertThat(response.json().get("parameter").asString()).isEqualTo(parameter);
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.get(field).asString()));
		return texts;
	}

	private static List<String> values(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		Set<String> distinct = new HashSet<>(values);
		assertThat(distinct).hasSameSizeAs(values);
		return values;
	}

}
