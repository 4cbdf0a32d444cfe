package io.fleetgrid.contracts.topic;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Kafka topic of the FleetGrid contract: its name, sizing, retention policy, and the
 * types of its keys and values, declared once and used by every producer, consumer and by
 * the tooling that creates topics.
 *
 * @param <K> key type
 * @param <V> value type
 * @param name topic name
 * @param partitions partition count
 * @param cleanup delete or compact
 * @param retention how long records are kept ({@code null} = forever, only for compacted
 * topics)
 * @param keyType key type
 * @param valueType value type
 * @param description what the topic carries
 */
public record TopicSpec<K, V>(String name, int partitions, Cleanup cleanup, Duration retention, Class<K> keyType,
		Class<V> valueType, String description) {

	public TopicSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(cleanup, "cleanup");
		Objects.requireNonNull(keyType, "keyType");
		Objects.requireNonNull(valueType, "valueType");
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
		}
		if (cleanup == Cleanup.DELETE && retention == null) {
			throw new IllegalArgumentException("a delete-policy topic needs a retention: " + name);
		}
	}

	/**
	 * Topic-level configuration to apply when the topic is created.
	 * @return Kafka topic configs keyed by config name
	 */
	public Map<String, String> topicConfigs() {
		Map<String, String> configs = new LinkedHashMap<>();
		configs.put("cleanup.policy", this.cleanup.policy());
		configs.put("retention.ms", (this.retention != null) ? Long.toString(this.retention.toMillis()) : "-1");
		if (this.cleanup == Cleanup.COMPACT) {
			configs.put("min.compaction.lag.ms", "0");
			configs.put("segment.ms", Long.toString(Duration.ofHours(1).toMillis()));
		}
		return configs;
	}

	/** Kafka cleanup policy of a topic. */
	public enum Cleanup {

		/** Records expire after the retention time. */
		DELETE("delete"),
		/** Only the latest record per key is kept. */
		COMPACT("compact");

		private final String policy;

		Cleanup(String policy) {
			this.policy = policy;
		}

		/**
		 * The value of Kafka's {@code cleanup.policy}.
		 * @return the policy name
		 */
		public String policy() {
			return this.policy;
		}

	}

}
