package io.fleetgrid.security.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.testkit.RealInfra;
import io.fleetgrid.testkit.Server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Follows fleetgrid.tenants.v1 on the real broker. */
@RealInfra(servers = Server.KAFKA)
class KafkaTenantDirectoryIntegrationTests {

	private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

	private KafkaProducer<String, TenantSnapshot> producer;

	private KafkaTenantDirectory directory;

	@BeforeEach
	void createTopicAndProducer() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			if (!admin.listTopics().names().get().contains(Topics.TENANTS.name())) {
				admin.createTopics(List.of(new NewTopic(Topics.TENANTS.name(), Topics.TENANTS.partitions(), (short) 1)
					.configs(Topics.TENANTS.topicConfigs()))).all().get();
			}
		}
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap),
				JsonSerdes.keySerializer(Topics.TENANTS), JsonSerdes.valueSerializer(Topics.TENANTS));
	}

	@AfterEach
	void stop() {
		if (this.directory != null) {
			this.directory.stop();
		}
		this.producer.close();
	}

	@Test
	void seesTenantsPublishedBeforeItStartedAndSuspensionsAfterwards() throws Exception {
		publish("early-co", TenantSnapshot.Status.SUSPENDED);
		publish("late-co", TenantSnapshot.Status.ACTIVE);
		this.directory = new KafkaTenantDirectory(this.bootstrap, "test");
		this.directory.start();
		assertThat(this.directory.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
		assertThat(this.directory.isSuspended("early-co")).isTrue();
		assertThat(this.directory.isSuspended("late-co")).isFalse();

		publish("late-co", TenantSnapshot.Status.SUSPENDED);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.directory.isSuspended("late-co"));

		publish("early-co", TenantSnapshot.Status.ACTIVE);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.directory.isSuspended("early-co"));
	}

	@Test
	void tombstoneForgetsTheTenant() throws Exception {
		publish("gone-co", TenantSnapshot.Status.SUSPENDED);
		this.directory = new KafkaTenantDirectory(this.bootstrap, "test");
		this.directory.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.directory.isSuspended("gone-co"));
		this.producer.send(new ProducerRecord<>(Topics.TENANTS.name(), "gone-co", null)).get();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.directory.find("gone-co").isEmpty());
	}

	private void publish(String tenant, TenantSnapshot.Status status) throws Exception {
		this.producer
			.send(new ProducerRecord<>(Topics.TENANTS.name(), tenant,
					new TenantSnapshot(tenant, tenant, status, Instant.now())))
			.get();
	}

}
