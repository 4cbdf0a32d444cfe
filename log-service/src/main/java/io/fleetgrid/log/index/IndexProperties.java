package io.fleetgrid.log.index;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Indexing and retention settings ({@code fleetgrid.log.index.*}).
 *
 * @param groupId Kafka consumer group of the indexer
 * @param batchSize most records per poll, and so per bulk request (the backpressure
 * bound: the next poll waits for the bulk)
 * @param concurrency consumer threads
 * @param retryInitial pause before the first retry of a batch the search server did not
 * take (down, overloaded); doubled on each further failure
 * @param retryMax longest pause between retries
 * @param shards primary shards of each daily index
 * @param replicas replicas of each daily index (0 on a single node)
 * @param retention how long each kind is kept
 */
@ConfigurationProperties("fleetgrid.log.index")
public record IndexProperties(@DefaultValue("log-service") String groupId, @DefaultValue("500") int batchSize,
		@DefaultValue("1") int concurrency, @DefaultValue("500ms") Duration retryInitial,
		@DefaultValue("30s") Duration retryMax, @DefaultValue("1") int shards, @DefaultValue("1") int replicas,
		@DefaultValue Retention retention) {

	public IndexProperties {
		if (batchSize < 1 || concurrency < 1 || shards < 1 || replicas < 0) {
			throw new IllegalArgumentException(
					"fleetgrid.log.index: batch-size, concurrency and shards must be >= 1, replicas >= 0");
		}
	}

	/**
	 * Retention per kind: a daily index is deleted once its day is more than that many
	 * days before today (UTC).
	 *
	 * @param logsDays days of log lines
	 * @param auditDays days of audit events
	 * @param alertsDays days of alerts
	 * @param interval how often expired indices are looked for
	 */
	public record Retention(@DefaultValue("14") int logsDays, @DefaultValue("365") int auditDays,
			@DefaultValue("90") int alertsDays, @DefaultValue("1h") Duration interval) {

		public Retention {
			if (logsDays < 1 || auditDays < 1 || alertsDays < 1) {
				throw new IllegalArgumentException("fleetgrid.log.index.retention: days must be >= 1");
			}
		}

		/**
		 * The retention of a kind.
		 * @param kind the kind
		 * @return days
		 */
		public int days(IndexKind kind) {
			return switch (kind) {
				case LOGS -> this.logsDays;
				case AUDIT -> this.auditDays;
				case ALERTS -> this.alertsDays;
			};
		}

	}

}
