package io.fleetgrid.log.index;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cat.indices.IndicesRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes daily indices older than their kind's retention
 * ({@code fleetgrid.log.index.retention.*-days}), checked every
 * {@code retention.interval}. Deleting whole daily indices is cheap and needs no
 * delete-by-query.
 */
public class Retention {

	private static final Logger LOGGER = LoggerFactory.getLogger(Retention.class);

	private final ElasticsearchClient client;

	private final IndexProperties.Retention retention;

	private final Clock clock;

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
