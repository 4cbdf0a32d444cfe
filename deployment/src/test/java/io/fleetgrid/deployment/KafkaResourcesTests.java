package io.fleetgrid.deployment;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.LogEvent;
import io.fleetgrid.contracts.topic.TopicSpec;
import io.fleetgrid.contracts.topic.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed Strimzi topics and users are exactly what the contracts catalogue
 * renders. Run with {@code -Dfleetgrid.deployment.regenerate=true} to rewrite them.
 */
class KafkaResourcesTests {

	static {
		if (Boolean.getBoolean("fleetgrid.deployment.regenerate")) {
			try {
				KafkaResources.write(Repository.root());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void committedTopicsFileIsTheOneTheCatalogueGenerates() {
		assertThat(Repository.read(KafkaResources.TOPICS_FILE))
			.as("k8s/base/kafka/topics.yaml drifted from Topics.all(); regenerate it (see the file's header)")
			.isEqualTo(KafkaResources.renderTopics(Topics.all()));
	}

	@Test
	void committedUsersFileIsTheOneTheAccessTableGenerates() {
		assertThat(Repository.read(KafkaResources.USERS_FILE))
			.as("k8s/base/kafka/users.yaml drifted from KafkaResources.serviceAccess(); regenerate it")
			.isEqualTo(KafkaResources.renderUsers(KafkaResources.serviceAccess()));
	}

	@Test
	void committedComposeTopicListIsTheOneTheCatalogueGenerates() {
		assertThat(Repository.read(KafkaResources.COMPOSE_TOPICS_FILE))
			.as("deploy/kafka/topics.txt drifted from Topics.all(); regenerate it")
			.isEqualTo(KafkaResources.renderComposeTopics(Topics.all()));
		assertThat(KafkaResources.renderComposeTopics(Topics.all()))
			.contains("fleetgrid.devices.v1 12 cleanup.policy=compact,retention.ms=-1,min.compaction.lag.ms=0");
	}

	@Test
	void detectsDriftWhenTheCatalogueChanges() {
		List<TopicSpec<?, ?>> changed = new ArrayList<>(Topics.all());
		changed.set(changed.indexOf(Topics.LOGS), new TopicSpec<>(Topics.LOGS.name(), 12, TopicSpec.Cleanup.DELETE,
				Duration.ofDays(3), String.class, LogEvent.class, Topics.LOGS.description()));
		assertThat(KafkaResources.renderTopics(changed)).isNotEqualTo(Repository.read(KafkaResources.TOPICS_FILE));
		assertThat(KafkaResources.renderComposeTopics(changed))
			.isNotEqualTo(Repository.read(KafkaResources.COMPOSE_TOPICS_FILE));
		changed.remove(Topics.TENANTS);
		assertThat(KafkaResources.renderTopics(changed)).isNotEqualTo(KafkaResources.renderTopics(Topics.all()));
	}

	@Test
	void rendersPartitionsRetentionAndCleanupOfEveryTopic() {
		List<Map<String, Object>> topics = Yamls.documents(KafkaResources.renderTopics(Topics.all()));
		assertThat(topics).hasSameSizeAs(Topics.all());
		for (int i = 0; i < topics.size(); i++) {
			TopicSpec<?, ?> spec = Topics.all().get(i);
			Map<String, Object> topic = topics.get(i);
			assertThat(ManifestChecks.schemaViolations(topic)).isEmpty();
			assertThat(Yamls.at(topic, "spec.topicName")).isEqualTo(spec.name());
			assertThat(Yamls.at(topic, "spec.partitions")).isEqualTo(spec.partitions());
			assertThat(Yamls.mapAt(topic, "spec.config")).containsAllEntriesOf(spec.topicConfigs())
				.containsEntry("min.insync.replicas", "2");
		}
	}

	@Test
	void givesEveryServiceAScramUserWithLeastPrivilegeAcls() {
		List<Map<String, Object>> users = Yamls.documents(KafkaResources.renderUsers(KafkaResources.serviceAccess()));
		assertThat(users).extracting((user) -> Yamls.at(user, "metadata.name"))
			.containsExactly("api-gateway", "auth-service", "device-service", "ingest-service", "stream-processor",
					"notification-service", "log-service");
		users.forEach((user) -> {
			assertThat(ManifestChecks.schemaViolations(user)).isEmpty();
			assertThat(Yamls.at(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
		});
		List<KafkaResources.Acl> stream = KafkaResources.acls(KafkaResources.serviceAccess().get(4));
		assertThat(stream).contains(
				new KafkaResources.Acl("transactionalId", "stream-processor", "prefix", List.of("Write", "Describe")));
		assertThat(stream).anySatisfy((acl) -> {
			assertThat(acl.type()).isEqualTo("topic");
			assertThat(acl.name()).isEqualTo("stream-processor-");
			assertThat(acl.operations()).contains("Create");
		});
		assertThat(stream).contains(new KafkaResources.Acl("topic", Topics.TELEMETRY.name(), "literal",
				List.of("Read", "Describe", "DescribeConfigs")));
		List<KafkaResources.Acl> gateway = KafkaResources.acls(KafkaResources.serviceAccess().get(0));
		assertThat(gateway).noneMatch((acl) -> acl.name().equals(Topics.TELEMETRY.name()));
		assertThat(gateway).noneMatch((acl) -> acl.type().equals("transactionalId"));
	}

	@Test
	void everyTopicHasAProducerAndEveryConsumedTopicIsProduced() {
		List<String> written = KafkaResources.serviceAccess()
			.stream()
			.flatMap((access) -> access.writes().stream())
			.map(TopicSpec::name)
			.toList();
		assertThat(written).containsAll(Topics.all().stream().map(TopicSpec::name).toList());
	}

}
