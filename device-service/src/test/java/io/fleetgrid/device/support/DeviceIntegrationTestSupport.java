package io.fleetgrid.device.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.device.outbox.OutboxRelay;
import io.fleetgrid.security.test.TestTokens;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Base of the device-service integration tests: the whole service on a real PostgreSQL
 * and Kafka broker, on a database of its own ({@code device_it}), with the outbox relay's
 * background loop switched off so that tests decide when records are relayed
 * ({@link #relay()}). All subclasses share one Spring context.
 */
@RealInfra(servers = { Server.POSTGRES, Server.KAFKA }, database = "device_it")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fleetgrid.device.outbox.enabled=false")
@ActiveProfiles("test")
@Import(TestTokens.Config.class)
public abstract class DeviceIntegrationTestSupport {

	@LocalServerPort
	private int port;

	private final OutboxRelay outboxRelay;

	private final JdbcClient jdbcClient;

	private final KafkaProperties kafkaProperties;

	/**
	 * Takes what the helpers need from the test's application context.
	 * @param context the context (subclasses inject it with {@code @Autowired})
	 */
	protected DeviceIntegrationTestSupport(ApplicationContext context) {
		this.outboxRelay = context.getBean(OutboxRelay.class);
		this.jdbcClient = context.getBean(JdbcClient.class);
		this.kafkaProperties = context.getBean(KafkaProperties.class);
	}

	/**
	 * A fresh id, unique in this test JVM.
	 * @param prefix the prefix
	 * @return {@code prefix-<random>}
	 */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Base URL of the running service.
	 * @return {@code http://localhost:<port>}
	 */
	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	/**
	 * Calls the running service.
	 * @param method the method
	 * @param path the path
	 * @param authorization the Authorization header, or null
	 * @param body a JSON body, or null
	 * @return the response, whatever its status
	 */
	protected ResponseEntity<String> call(HttpMethod method, String path, String authorization, String body) {
		RestClient.RequestBodySpec request = RestClient.create("http://localhost:" + this.port)
			.method(method)
			.uri(path)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().onStatus((status) -> true, (req, res) -> {
		}).toEntity(String.class);
	}

	/**
	 * Parses a JSON response body.
	 * @param response the response
	 * @return the document
	 */
	protected static DocumentContext json(ResponseEntity<String> response) {
		return JsonPath.parse(response.getBody());
	}

	/**
	 * Reads a list of texts from a JSON response body.
	 * @param response the response
	 * @param path the JSON path
	 * @return the texts
	 */
	protected static List<String> strings(ResponseEntity<String> response, String path) {
		return JsonPath.read(response.getBody(), path);
	}

	/**
	 * Relays every unsent outbox row now.
	 * @return the rows relayed
	 */
	protected int relay() {
		return this.outboxRelay.drain();
	}

	/**
	 * The database of the service.
	 * @return the client
	 */
	protected JdbcClient jdbc() {
		return this.jdbcClient;
	}

	/**
	 * Kafka client settings of the service.
	 * @return the bootstrap servers etc.
	 */
	protected Map<String, Object> kafkaConsumerConfig() {
		return this.kafkaProperties.buildConsumerProperties();
	}

	/**
	 * Reads a topic from the beginning until a record matching {@code until} arrives.
	 * @param <V> value type
	 * @param topic the topic
	 * @param until when to stop
	 * @param timeout how long to wait at most
	 * @return every record read, in order of each partition
	 */
	protected <V> List<ConsumerRecord<String, V>> readUntil(TopicSpec<String, V> topic,
			Predicate<ConsumerRecord<String, V>> until, Duration timeout) {
		Properties config = new Properties();
		config.putAll(kafkaConsumerConfig());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, V>> records = new ArrayList<>();
		Deserializer<V> values = JsonSerdes.valueDeserializer(topic);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> raw : consumer.poll(Duration.ofMillis(200))) {
					V value;
					try {
						value = values.deserialize(raw.topic(), raw.headers(), raw.value());
					}
					catch (SerializationException ex) {
						// Records other tests wrote on purpose to be dead-lettered.
						continue;
					}
					ConsumerRecord<String, V> record = new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(),
							raw.key(), value);
					records.add(record);
					if (until.test(record)) {
						return records;
					}
				}
			}
		}
		throw new AssertionError("No matching record on " + topic.name() + " within " + timeout + "; read "
				+ records.size() + " records");
	}

}
