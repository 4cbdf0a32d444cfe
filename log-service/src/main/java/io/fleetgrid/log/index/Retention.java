package io.fleetgrid.log.index;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes daily indices older than their kind's retention
 * ({@code fleetgrid.log.index.retention.*-days}), checked every
 * {@code retention.interval}. Deleting whole daily indices is cheap and needs no
 * delete-by-query. The first check runs one interval after start-up, on its own daemon
 * thread.
 */
public class Retention implements SmartLifecycle {

	private static final Logger LOGGER = LoggerFactory.getLogger(Retention.class);

	private final ElasticsearchClient client;

	private final IndexProperties.Retention retention;

	private final Clock clock;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Retention over a client.
	 * @param client the search client
	 * @param retention days per kind
	 * @param clock the clock that says what today is (UTC)
	 */
	public Retention(ElasticsearchClient client, IndexProperties.Retention retention, Clock clock) {
		this.client = client;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "index-retention");
				thread.setDaemon(true);
				return thread;
			});
			long interval = this.retention.interval().toMillis();
			executor.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.MILLISECONDS);
			this.scheduler = executor;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Deletes the expired daily indices of every kind; a failure is logged and retried at
	 * the next run.
	 */
	public void run() {
		try {
			List<String> deleted = deleteExpired();
			if (!deleted.isEmpty()) {
				LOGGER.info("Retention deleted {} expired indices: {}", deleted.size(), deleted);
			}
		}
		catch (IOException | RuntimeException ex) {
			LOGGER.warn("Retention could not run, trying again later: {}", ex.toString());
		}
	}

	/**
	 * Deletes the expired daily indices of every kind.
	 * @return the deleted indices
	 * @throws IOException if the search server cannot be reached
	 */
	public List<String> deleteExpired() throws IOException {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<String> deleted = new ArrayList<>();
		for (IndexKind kind : IndexKind.values()) {
			LocalDate oldestKept = today.minusDays(this.retention.days(kind));
			for (String index : indices(kind)) {
				Optional<LocalDate> day = kind.day(index);
				if (day.isPresent() && day.get().isBefore(oldestKept)) {
					this.client.indices().delete((d) -> d.index(index));
					deleted.add(index);
				}
			}
		}
		return deleted;
	}

	private List<String> indices(IndexKind kind) throws IOException {
		return this.client.cat()
			.indices((c) -> c.index(kind.pattern()).h("index"))
			.indices()
			.stream()
			.map(IndicesRecord::index)
			.filter((name) -> name != null)
			.toList();
	}

}
