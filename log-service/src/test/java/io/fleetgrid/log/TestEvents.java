package io.fleetgrid.log;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * Helpers of the log-service integration tests: events as other services write them, sent
 * with the contract's serializers, HTTP calls with a bearer token, and counts read
 * straight from the search server.
 */
public final class TestEvents {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private TestEvents() {
	}

	/**
	 * Sends values to a topic with the contract's serializers and waits for the acks.
	 * @param <V> value type
	 * @param topic the topic
	 * @param records key → value pairs
	 */
	public static <V> void send(TopicSpec<String, V> topic, List<Map.Entry<String, V>> records) {
		try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerConfig(), JsonSerdes.keySerializer(topic),
				JsonSerdes.valueSerializer(topic))) {
			List<Future<RecordMetadata>> acks = records.stream()
				.map((record) -> producer.send(new ProducerRecord<>(topic.name(), record.getKey(), record.getValue())))
				.toList();
			for (Future<RecordMetadata> ack : acks) {
				ack.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends raw bytes (for example something that is not an event) to a topic.
	 * @param topic the topic name
	 * @param key the key
	 * @param value the bytes
	 */
	public static void sendRaw(String topic, String key, byte[] value) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.kafka.bootstrap-servers"),
				ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
	}

	/**
	 * A log line.
	 * @param service service
	 * @param level level
	 * @param message message
	 * @param traceId trace id or null
	 * @param tenantId tenant or null
	 * @param ts time
	 * @return the event
	 */
	public static LogEvent log(String service, String level, String message, String traceId, String tenantId,
			Instant ts) {
		return new LogEvent(ts, service, service + "-1", level, "io.fleetgrid.Probe", "main", message, null, traceId,
				null, tenantId, null);
	}

	/**
	 * An audit event.
	 * @param eventId id
	 * @param tenantId tenant, or null
	 * @param action action
	 * @param details details
	 * @return the event
	 */
	public static AuditEvent audit(String eventId, String tenantId, String action, Map<String, Object> details) {
		return new AuditEvent(eventId, tenantId, "user-1", action, "device/truck-7", AuditEvent.Outcome.SUCCESS,
				Instant.now(), "device-service", null, details);
	}

	/**
	 * A raised alert.
	 * @param alertId id
	 * @param tenantId tenant
	 * @param deviceId device
	 * @param message message
	 * @return the event
	 */
	public static AlertEvent alert(String alertId, String tenantId, String deviceId, String message) {
		return new AlertEvent(alertId, tenantId, deviceId, null, AlertType.OVERSPEED, AlertEvent.Severity.WARNING,
				AlertEvent.Status.RAISED, null, Instant.now().minusSeconds(30), null, Instant.now(), 1, message,
				Map.of("speedKph", 112.0), null);
	}

	/**
	 * Documents in the search server that match a query (after a refresh).
	 * @param client the client
	 * @param pattern the index pattern
	 * @param query the query
	 * @return the count
	 */
	public static long count(ElasticsearchClient client, String pattern, Query query) {
		try {
			client.indices().refresh((r) -> r.index(pattern).allowNoIndices(true).ignoreUnavailable(true));
			return client.count((c) -> c.index(pattern).allowNoIndices(true).ignoreUnavailable(true).query(query))
				.count();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/**
	 * A term query.
	 * @param field the field
	 * @param value the value
	 * @return the query
	 */
	public static Query term(String field, String value) {
		return Query.of((q) -> q.term((t) -> t.field(field).value(value)));
	}

	/**
	 * GET with a bearer token.
	 * @param port the server port
	 * @param pathAndQuery the path and query (already encoded)
	 * @param authorization the Authorization header value
	 * @param headers more header name/value pairs
	 * @return the response
	 */
	public static Response get(int port, String pathAndQuery, String authorization, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", authorization);
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					body.isEmpty() ? null : JsonSerdes.mapper().readTree(body));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP response.
	 *
	 * @param status status code
	 * @param contentType content type
	 * @param json the body as JSON, or null if empty
	 */
	public record Response(int status, String contentType, JsonNode json) {
	}

}
