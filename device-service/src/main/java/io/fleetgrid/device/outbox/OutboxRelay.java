package io.fleetgrid.device.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fleetgrid.contracts.serde.JsonSerdes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka, in id order, and marks them sent.
 * <p>
 * One round runs in one database transaction that first takes a PostgreSQL advisory lock,
 * so with several instances only one relays at a time and records of one key keep their
 * order. The rows are sent through an idempotent producer ({@code acks=all}); the round
 * waits for every acknowledgement and only then marks the rows sent and commits. If the
 * process dies anywhere before that commit, the rows stay unsent and the next round (in
 * this or a restarted instance) publishes them again: at-least-once, in order per key,
 * which is what a compacted snapshot topic needs (a repeated snapshot is harmless).
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock id of the relay ("outbox" in ASCII). */
	private static final long LOCK_ID = 0x6f7574626f78L;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Producer<String, byte[]> producer;

	private final OutboxProperties properties;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	/**
	 * Creates the relay.
	 * @param jdbc the database
	 * @param transactions transactions of that database
	 * @param producer an idempotent producer of raw values
	 * @param properties the settings
	 */
	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, Producer<String, byte[]> producer,
			OutboxProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.producer = producer;
		this.properties = properties;
	}

	/**
	 * Asks the relay to run a round now (called after a commit that appended rows).
	 */
	public void wakeUp() {
		ScheduledExecutorService current = this.executor;
		if (current != null && this.wakeUpPending.compareAndSet(false, true)) {
			current.execute(this::safeRound);
		}
	}

	/**
	 * Publishes unsent rows until none is left or another instance holds the lock.
	 * @return the number of rows published
	 */
	public int drain() {
		int total = 0;
		int published;
		do {
			published = relayOnce();
			total += published;
		}
		while (published >= this.properties.batchSize());
		return total;
	}

	/**
	 * One round: publishes up to {@code batchSize} unsent rows.
	 * @return the number of rows published (0 if another instance holds the lock)
	 */
	public int relayOnce() {
		Integer published = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:id)")
				.param("id", LOCK_ID)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			List<Row> rows = this.jdbc.sql(
					"select id, topic, record_key, payload, headers from outbox where sent_at is null order by id limit :n")
				.param("n", this.properties.batchSize())
				.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
						rs.getBytes("payload"), rs.getString("headers")))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			send(rows);
			this.jdbc.sql("update outbox set sent_at = :now where id in (:ids)")
				.param("now", Timestamp.from(Instant.now()))
				.param("ids", rows.stream().map(Row::id).toList())
				.update();
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	private void send(List<Row> rows) {
		List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
		for (Row row : rows) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
			JsonSerdes.mapper()
				.readValue(row.headers(), HEADERS)
				.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			acks.add(this.producer.send(record));
		}
		this.producer.flush();
		long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
		for (Future<RecordMetadata> ack : acks) {
			try {
				ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new OutboxPublishException("Interrupted while waiting for Kafka", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new OutboxPublishException("Kafka did not acknowledge an outbox record", ex);
			}
		}
	}

	/**
	 * Deletes sent rows older than the retention.
	 * @return the number of rows deleted
	 */
	public int purgeSent() {
		return this.jdbc
			.sql("delete from outbox where id in (select id from outbox where sent_at < :before limit 10000)")
			.param("before", Timestamp.from(Instant.now().minus(this.properties.sentRetention())))
			.update();
	}

	private void safeRound() {
		this.wakeUpPending.set(false);
		try {
			drain();
		}
		catch (OutboxPublishException | KafkaException | DataAccessException | TransactionException
				| JacksonException ex) {
			LOGGER.warn("Outbox relay round failed, retrying in {}: {}", this.properties.pollInterval(),
					ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon(true).factory());
		long interval = this.properties.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::safeRound, 0, interval, TimeUnit.MILLISECONDS);
		started.scheduleWithFixedDelay(this::safePurge, 1, 60, TimeUnit.MINUTES);
		this.executor = started;
	}

	private void safePurge() {
		try {
			purgeSent();
		}
		catch (DataAccessException ex) {
			LOGGER.warn("Could not purge sent outbox rows: {}", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
		if (running != null) {
			running.shutdown();
			try {
				if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
					running.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.shutdownNow();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private record Row(long id, String topic, String key, byte[] payload, String headers) {

	}

	/** Kafka did not acknowledge a record; the round is rolled back and retried. */
	static class OutboxPublishException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		OutboxPublishException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
