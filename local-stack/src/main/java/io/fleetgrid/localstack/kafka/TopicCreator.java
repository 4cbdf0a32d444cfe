package io.fleetgrid.localstack.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.contracts.topic.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a broker in line with a topic catalogue, idempotently: creates the topics that
 * do not exist with their partitions and topic configs, and adds partitions to existing
 * topics that have fewer than the catalogue says. It never deletes anything.
 */
class TopicCreator {

	private static final Logger LOGGER = LoggerFactory.getLogger(TopicCreator.class);

	private static final short REPLICATION_FACTOR = 1;

	private final String bootstrapServers;

	private final Duration timeout;

	TopicCreator(String bootstrapServers, Duration timeout) {
		this.bootstrapServers = bootstrapServers;
		this.timeout = timeout;
	}

	/**
	 * Applies the catalogue.
	 * @param topics the topics that must exist
	 * @return the names of the topics that were created
	 * @throws Exception if the broker cannot be reached or refuses a topic
	 */
	List<String> apply(List<TopicSpec<?, ?>> topics) throws Exception {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) this.timeout.toMillis(),
				AdminClientConfig.CLIENT_ID_CONFIG, "fleetgrid-local-stack");
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			List<NewTopic> missing = new ArrayList<>();
			List<TopicSpec<?, ?>> present = new ArrayList<>();
			for (TopicSpec<?, ?> topic : topics) {
				if (existing.contains(topic.name())) {
					present.add(topic);
				}
				else {
					missing.add(new NewTopic(topic.name(), topic.partitions(), REPLICATION_FACTOR)
						.configs(topic.topicConfigs()));
				}
			}
			List<String> created = create(admin, missing);
			growPartitions(admin, present);
			LOGGER.info("Topics: {} created, {} already present", created.size(), present.size());
			return created;
		}
	}

	private List<String> create(Admin admin, List<NewTopic> topics) throws Exception {
		List<String> created = new ArrayList<>();
		if (topics.isEmpty()) {
			return created;
		}
		var results = admin.createTopics(topics).values();
		for (var result : results.entrySet()) {
			try {
				result.getValue().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
				created.add(result.getKey());
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw new IllegalStateException("cannot create topic " + result.getKey(), ex.getCause());
				}
			}
		}
		return created;
	}

	private void growPartitions(Admin admin, List<TopicSpec<?, ?>> topics) throws Exception {
		if (topics.isEmpty()) {
			return;
		}
		Map<String, TopicDescription> descriptions = admin.describeTopics(topics.stream().map(TopicSpec::name).toList())
			.allTopicNames()
			.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		Map<String, NewPartitions> increases = new HashMap<>();
		for (TopicSpec<?, ?> topic : topics) {
			int current = descriptions.get(topic.name()).partitions().size();
			if (current < topic.partitions()) {
				LOGGER.info("Growing {} from {} to {} partitions", topic.name(), current, topic.partitions());
				increases.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
			}
		}
		if (!increases.isEmpty()) {
			admin.createPartitions(increases).all().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}
