package io.fleetgrid.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application context for the auth-service integration tests: the whole service on a
 * random port against real PostgreSQL (database {@code auth_it}), Kafka and SMTP, with
 * the local bootstrap switched on (known secrets) and small rate limits. HTTP helpers
 * speak to it like any client would.
 */
@RealInfra(servers = { Server.KAFKA, Server.POSTGRES, Server.SMTP }, database = "auth_it")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { AuthIntegrationTestSupport.BOOTSTRAP,
				"fleetgrid.auth.bootstrap.demo-password=" + AuthIntegrationTestSupport.DEMO_PASSWORD,
				"fleetgrid.auth.bootstrap.admin-client-id=" + AuthIntegrationTestSupport.ADMIN_CLIENT,
				"fleetgrid.auth.bootstrap.admin-client-secret=" + AuthIntegrationTestSupport.ADMIN_SECRET,
				"fleetgrid.auth.bootstrap.operator-client-id=" + AuthIntegrationTestSupport.OPERATOR_CLIENT,
				"fleetgrid.auth.bootstrap.operator-client-secret=" + AuthIntegrationTestSupport.OPERATOR_SECRET,
				"fleetgrid.auth.rate-limit.token-per-client=20", "fleetgrid.auth.rate-limit.token-per-ip=1000",
				"fleetgrid.auth.rate-limit.login-per-ip=1000", "fleetgrid.auth.login.max-failures=3" })
@ActiveProfiles("test")
public abstract class AuthIntegrationTestSupport {

	static final String BOOTSTRAP = "fleetgrid.auth.bootstrap.enabled=true";

	static final String DEMO_PASSWORD = "demo-password-for-tests";

	static final String ADMIN_CLIENT = "it-admin";

	static final String ADMIN_SECRET = "it-admin-secret";

	static final String OPERATOR_CLIENT = "it-operator";

	static final String OPERATOR_SECRET = "it-operator-secret";

	static final String PORTAL_CLIENT = "fleetgrid-portal";

	static final String PORTAL_SECRET = "portal-test-secret";

	static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/fleetgrid";

	@LocalServerPort
	protected int port;

	protected final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	protected String base() {
		return "http://localhost:" + this.port;
	}

	/**
	 * A client_credentials token request.
	 * @param clientId client id
	 * @param secret client secret
	 * @return the response
	 */
	protected HttpResponse<String> tokenResponse(String clientId, String secret) {
		return send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build());
	}

	/**
	 * A client_credentials access token.
	 * @param clientId client id
	 * @param secret client secret
	 * @return the access token
	 */
	protected String token(String clientId, String secret) {
		HttpResponse<String> response = tokenResponse(clientId, secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonPath.read(response.body(), "$.access_token");
	}

	protected HttpResponse<String> call(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	protected HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a tenant as the operator.
	 * @param prefix name prefix (a random suffix makes it unique)
	 * @return the tenant id, its ADMIN client id and secret
	 */
	protected NewTenant createTenant(String prefix) {
		String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = call("POST", "/api/v1/tenants", token(OPERATOR_CLIENT, OPERATOR_SECRET),
				"{\"id\":\"" + id + "\",\"name\":\"Tenant " + id + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new NewTenant(id, JsonPath.read(created.body(), "$.adminClient.client.clientId"),
				JsonPath.read(created.body(), "$.adminClient.clientSecret"));
	}

	/**
	 * Creates an API client of a role as the tenant's ADMIN.
	 * @param adminToken the ADMIN's token
	 * @param role the role
	 * @return client id and secret
	 */
	protected String[] createClient(String adminToken, String role) {
		HttpResponse<String> created = call("POST", "/api/v1/clients", adminToken,
				"{\"name\":\"" + role + " client\",\"role\":\"" + role + "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return new String[] { JsonPath.read(created.body(), "$.client.clientId"),
				JsonPath.read(created.body(), "$.clientSecret") };
	}

	/**
	 * Reads a topic from the beginning to its current end.
	 * @param <V> the value type
	 * @param topic the topic
	 * @param key the record key to keep
	 * @return the values with that key, in offset order per partition
	 */
	protected static <V> List<V> records(TopicSpec<String, V> topic, String key) {
		Map<String, Object> config = Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"),
				"group.id", "auth-it-" + UUID.randomUUID(), "enable.auto.commit", false);
		List<V> found = new ArrayList<>();
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, JsonSerdes.keyDeserializer(topic),
				JsonSerdes.valueDeserializer(topic))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found.add(record.value());
					}
				}
			}
		}
		return found;
	}

	protected static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((urlEncode(user) + ":" + urlEncode(password)).getBytes(StandardCharsets.UTF_8));
	}

	protected static String urlEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	protected static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((entry) -> urlEncode(entry.getKey()) + "=" + urlEncode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	protected static Map<String, String> fields(String... keyValues) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(keyValues[i], keyValues[i + 1]);
		}
		return fields;
	}

	/**
	 * A browser: an HTTP client with its own cookie jar, not following redirects.
	 * @return the client
	 */
	protected static HttpClient browser() {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * A tenant created for a test.
	 *
	 * @param id tenant id
	 * @param adminClientId its ADMIN client
	 * @param adminSecret the client's secret
	 */
	protected record NewTenant(String id, String adminClientId, String adminSecret) {
	}

}
