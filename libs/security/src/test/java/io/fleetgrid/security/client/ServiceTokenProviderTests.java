package io.fleetgrid.security.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a tiny token endpoint on loopback that counts the requests it serves. */
class ServiceTokenProviderTests {

	private final AtomicInteger issued = new AtomicInteger();

	private final List<String> requests = new ArrayList<>();

	private HttpServer server;

	private MutableClock clock;

	private ServiceTokenProvider provider;

	@BeforeEach
	void startTokenEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/token", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			synchronized (this.requests) {
				this.requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
			}
			byte[] response = ("{\"access_token\":\"token-" + this.issued.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, response.length);
			exchange.getResponseBody().write(response);
			exchange.close();
		});
		this.server.start();
		this.clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
		this.provider = new ServiceTokenProvider(RestClient.create(),
				"http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/token", "svc-ingest-service",
				"s3cret", this.clock);
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void requestsATokenWithClientCredentialsAndBasicAuthentication() {
		assertThat(this.provider.token()).isEqualTo("token-1");
		assertThat(this.requests).singleElement()
			.asString()
			.startsWith("Basic c3ZjLWluZ2VzdC1zZXJ2aWNlOnMzY3JldA==")
			.endsWith("grant_type=client_credentials");
	}

	@Test
	void reusesTheTokenUntilShortlyBeforeItExpires() {
		this.provider.token();
		this.clock.advance(Duration.ofSeconds(260));
		assertThat(this.provider.token()).isEqualTo("token-1");
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(this.provider.token()).isEqualTo("token-2");
		assertThat(this.issued).hasValue(2);
	}

	@Test
	void fetchesAFreshTokenAfterInvalidation() {
		this.provider.token();
		this.provider.invalidate();
		assertThat(this.provider.token()).isEqualTo("token-2");
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
