package io.fleetgrid.contracts.topic;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.AlertEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

	@Test
	void declaresEveryTopicOfTheContractInItsOrder() {
		assertThat(Topics.all()).extracting(TopicSpec::name)
			.containsExactly("fleetgrid.telemetry.v1", "fleetgrid.telemetry.dlt.v1", "fleetgrid.devices.v1",
					"fleetgrid.geofences.v1", "fleetgrid.rules.v1", "fleetgrid.alerts.v1", "fleetgrid.device-state.v1",
					"fleetgrid.rollups.v1", "fleetgrid.trips.v1", "fleetgrid.notifications.v1", "fleetgrid.audit.v1",
					"fleetgrid.logs.v1", "fleetgrid.tenants.v1");
	}

	@Test
	void compactsTheRegistryAndStateTopics() {
		assertThat(Topics.all()).filteredOn((topic) -> topic.cleanup() == TopicSpec.Cleanup.COMPACT)
			.extracting(TopicSpec::name)
			.containsExactly("fleetgrid.devices.v1", "fleetgrid.geofences.v1", "fleetgrid.rules.v1",
					"fleetgrid.device-state.v1", "fleetgrid.tenants.v1");
	}

	@Test
	void keysEveryTopicByString() {
		assertThat(Topics.all()).allSatisfy((topic) -> assertThat(topic.keyType()).isEqualTo(String.class));
	}

	@Test
	void derivesTopicConfigsFromThePolicy() {
		assertThat(Topics.ALERTS.topicConfigs()).containsExactly(Map.entry("cleanup.policy", "delete"),
				Map.entry("retention.ms", Long.toString(Duration.ofDays(30).toMillis())));
		assertThat(Topics.DEVICES.topicConfigs()).containsEntry("cleanup.policy", "compact")
			.containsEntry("retention.ms", "-1")
			.containsEntry("min.compaction.lag.ms", "0");
	}

	@Test
	void rejectsADeleteTopicWithoutRetention() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new TopicSpec<>("t", 1, TopicSpec.Cleanup.DELETE, null, String.class, AlertEvent.class, "x"))
			.withMessage("a delete-policy topic needs a retention: t");
	}

}
