package io.fleetgrid.localstack.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.moquette.broker.subscriptions.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessHookTests {

	private final List<Map<String, Object>> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private volatile int status = 204;

	private volatile long delayMillis;

	@BeforeEach
	void startEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/decide", (exchange) -> {
			try (exchange) {
				@SuppressWarnings("unchecked")
				Map<String, Object> body = new ObjectMapper().readValue(exchange.getRequestBody(), Map.class);
				body.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
				body.put("method", exchange.getRequestMethod());
				this.requests.add(body);
				Thread.sleep(this.delayMillis);
				exchange.sendResponseHeaders(this.status, -1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopEndpoint() {
		this.server.stop(0);
	}

	@Test
	void authenticatorPostsCredentialsAsJsonAndAllowsOn2xx() {
		try (AccessHook hook = hook(Duration.ofSeconds(2))) {
			boolean valid = new HookAuthenticator(hook).checkValid("truck-7", "truck-7",
					"s3cret".getBytes(StandardCharsets.UTF_8));
			assertThat(valid).isTrue();
		}
		assertThat(this.requests).singleElement()
			.isEqualTo(Map.of("clientId", "truck-7", "username", "truck-7", "password", "s3cret", "contentType",
					"application/json", "method", "POST"));
	}

	@Test
	void authenticatorDeniesOnA4xxAnswer() {
		this.status = 401;
		try (AccessHook hook = hook(Duration.ofSeconds(2))) {
			assertThat(new HookAuthenticator(hook).checkValid("c", "u", new byte[0])).isFalse();
		}
	}

	@Test
	void authorizatorSendsTopicAndActionForPublishAndSubscribe() {
		try (AccessHook hook = hook(Duration.ofSeconds(2))) {
			HookAuthorizatorPolicy policy = new HookAuthorizatorPolicy(hook, Duration.ZERO);
			assertThat(policy.canWrite(new Topic("devices/truck-7/telemetry"), "truck-7", "client-1")).isTrue();
			assertThat(policy.canRead(new Topic("devices/+/telemetry"), "ingest", "client-2")).isTrue();
		}
		assertThat(this.requests)
			.extracting((request) -> List.of(request.get("clientId"), request.get("username"), request.get("topic"),
					request.get("action")))
			.containsExactly(List.of("client-1", "truck-7", "devices/truck-7/telemetry", "publish"),
					List.of("client-2", "ingest", "devices/+/telemetry", "subscribe"));
	}

	@Test
	void authorizatorReusesADecisionForTheSameRequestUntilItExpires() {
		MutableClock clock = new MutableClock();
		try (AccessHook hook = hook(Duration.ofSeconds(2))) {
			HookAuthorizatorPolicy policy = new HookAuthorizatorPolicy(hook, Duration.ofSeconds(60), clock);
			Topic own = new Topic("devices/truck-7/telemetry");
			assertThat(policy.canWrite(own, "truck-7", "truck-7")).isTrue();
			this.status = 403;
			assertThat(policy.canWrite(own, "truck-7", "truck-7")).as("cached allow").isTrue();
			assertThat(policy.canWrite(new Topic("devices/truck-8/telemetry"), "truck-7", "truck-7"))
				.as("another topic is asked")
				.isFalse();
			assertThat(policy.canRead(own, "truck-7", "truck-7")).as("another action is asked").isFalse();
			assertThat(this.requests).hasSize(3);

			clock.advance(Duration.ofSeconds(61));
			assertThat(policy.canWrite(own, "truck-7", "truck-7")).as("expired decision is asked again").isFalse();
			assertThat(this.requests).hasSize(4);
		}
	}

	@Test
	void deniesWhenTheEndpointAnswersTooLate() {
		this.delayMillis = 1500;
		try (AccessHook hook = hook(Duration.ofMillis(300))) {
			long start = System.nanoTime();
			assertThat(hook.allows(Map.of("clientId", "c"))).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
	}

	@Test
	void deniesWhenNothingListens() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (AccessHook hook = new AccessHook(URI.create("http://localhost:" + closedPort + "/decide"),
				Duration.ofSeconds(1))) {
			assertThat(hook.allows(Map.of("clientId", "c"))).isFalse();
		}
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-23T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	private AccessHook hook(Duration timeout) {
		return new AccessHook(URI.create("http://localhost:" + this.server.getAddress().getPort() + "/decide"),
				timeout);
	}

}
