package io.fleetgrid.device.outbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.TopicSpec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends records to the outbox inside the caller's transaction. The value is serialised
 * here with the topic's contract serializer (headers included), so the relay only copies
 * bytes and a schema change cannot break rows already written.
 */
@Component
public class Outbox {

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	private final JsonMapper json = JsonSerdes.mapper();

	/**
	 * Creates the outbox.
	 * @param jdbc the database
	 * @param relay the relay, woken up after each commit that appended records
	 */
	public Outbox(JdbcClient jdbc, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.relay = relay;
	}

	/**
	 * Appends a record; it is published after the surrounding transaction commits, and
	 * never if it rolls back.
	 * @param <V> the value type
	 * @param topic the topic
	 * @param key the record key
	 * @param value the value, or null for a tombstone
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <V> void append(TopicSpec<String, V> topic, String key, V value) {
		RecordHeaders headers = new RecordHeaders();
		byte[] payload = JsonSerdes.valueSerializer(topic).serialize(topic.name(), headers, value);
		Map<String, String> headerMap = new LinkedHashMap<>();
		for (Header header : headers) {
			headerMap.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		this.jdbc.sql("""
				insert into outbox (topic, record_key, payload, headers)
				values (:topic, :key, :payload, cast(:headers as jsonb))
				""")
			.param("topic", topic.name())
			.param("key", key)
			.param("payload", payload)
			.param("headers", this.json.writeValueAsString(headerMap))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.relay.wakeUp();
				}
			});
		}
	}

}
