package io.fleetgrid.device.outbox;

import java.time.Duration;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.registry.DeviceRequest;
import io.fleetgrid.device.registry.DeviceService;
import io.fleetgrid.device.support.DeviceIntegrationTestSupport;
import io.fleetgrid.security.Role;
import io.fleetgrid.security.test.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox guarantees: no event for a rolled-back change, and no committed change
 * without its event even if the relay dies between the commit and the publish.
 */
class OutboxIntegrationTests extends DeviceIntegrationTestSupport {

	private final DeviceService devices;

	private final TransactionTemplate transactions;

	private final ApplicationContext context;

	OutboxIntegrationTests(@Autowired ApplicationContext context) {
		super(context);
		this.context = context;
		this.devices = context.getBean(DeviceService.class);
		this.transactions = context.getBean(TransactionTemplate.class);
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		String tenant = unique("t");
		String rolledBack = unique("veh");
		String committed = unique("veh");

		this.transactions.executeWithoutResult((status) -> {
			this.devices.create(tenant, vehicle(rolledBack));
			status.setRollbackOnly();
		});
		this.devices.create(tenant, vehicle(committed));
		relay();

		assertThat(outboxRows(rolledBack)).isZero();
		assertThat(readUntil(Topics.DEVICES, (record) -> committed.equals(record.key()), Duration.ofSeconds(30)))
			.noneMatch((record) -> rolledBack.equals(record.key()));
	}

	@Test
	void aChangeCommittedBeforeTheRelayDiedIsPublishedByTheRestartedRelay() {
		String tenant = unique("t");
		String id = unique("veh");

		// The service's own relay loop is off in these tests: the change commits and
		// nothing relays it, as if the process died right after the commit.
		this.devices.create(tenant, vehicle(id));
		assertThat(unsentRows(id)).isEqualTo(1);

		// "Restart": a new relay with a new producer, running its own loop.
		OutboxRelay restarted = newRelay();
		restarted.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> unsentRows(id) == 0);
		}
		finally {
			restarted.stop();
		}
		DeviceSnapshot snapshot = readUntil(Topics.DEVICES, (record) -> id.equals(record.key()), Duration.ofSeconds(30))
			.getLast()
			.value();
		assertThat(snapshot.tenantId()).isEqualTo(tenant);
		assertThat(snapshot.type()).isEqualTo(DeviceType.VEHICLE);
	}

	@Test
	void adminRepublishWritesEverySnapshotOfTheTenantAgain() {
		String tenant = unique("t");
		this.devices.create(tenant, vehicle(unique("veh")));
		this.devices.create(tenant, vehicle(unique("veh")));
		relay();

		var response = call(HttpMethod.POST, "/api/v1/admin/republish", TestTokens.bearer(tenant, Role.ADMIN), null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json(response).read("$.records", Integer.class)).isEqualTo(2);
		assertThat(call(HttpMethod.POST, "/api/v1/admin/republish", TestTokens.bearer(tenant, Role.FLEET_MANAGER), null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private OutboxRelay newRelay() {
		Map<String, Object> config = this.context.getBean(KafkaProperties.class).buildProducerProperties();
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer());
		return new OutboxRelay(jdbc(), this.transactions, producer,
				new OutboxProperties(true, Duration.ofMillis(100), 500, Duration.ofDays(1))) {
			@Override
			public void stop() {
				super.stop();
				producer.close();
			}
		};
	}

	private long outboxRows(String key) {
		return jdbc().sql("select count(*) from outbox where record_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private long unsentRows(String key) {
		return jdbc().sql("select count(*) from outbox where record_key = :key and sent_at is null")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private static DeviceRequest vehicle(String id) {
		return new DeviceRequest(id, DeviceType.VEHICLE, "Van", null, null, null, null, null, null);
	}

}
