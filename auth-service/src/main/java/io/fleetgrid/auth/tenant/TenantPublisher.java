package io.fleetgrid.auth.tenant;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fleetgrid.contracts.event.TenantSnapshot;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the compacted {@code fleetgrid.tenants.v1} complete: every tenant change is
 * published (waiting up to 10 s for the broker's acknowledgement), and all tenants are
 * re-published at start-up and every {@code fleetgrid.auth.tenant-republish-interval}
 * (default 5 minutes), which heals a change whose publication failed while Kafka was
 * down.
 */
@Component
public class TenantPublisher implements DisposableBean {

	private static final Logger LOGGER = LoggerFactory.getLogger(TenantPublisher.class);

	private final TenantRepository tenants;

	private final DefaultKafkaProducerFactory<String, TenantSnapshot> producerFactory;

	private final KafkaTemplate<String, TenantSnapshot> template;

	private final Counter failed;

	TenantPublisher(TenantRepository tenants, KafkaProperties kafka, MeterRegistry meters) {
		this.tenants = tenants;
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put("max.block.ms", 10000);
		config.put("delivery.timeout.ms", 10000);
		config.put("request.timeout.ms", 5000);
		this.producerFactory = new DefaultKafkaProducerFactory<>(config, JsonSerdes.keySerializer(Topics.TENANTS),
				JsonSerdes.valueSerializer(Topics.TENANTS));
		this.template = new KafkaTemplate<>(this.producerFactory);
		this.failed = Counter.builder("fleetgrid.tenants.publish.failed")
			.description("Tenant snapshots Kafka did not acknowledge (re-published later)")
			.register(meters);
	}

	/**
	 * Publishes one tenant's snapshot and waits for the acknowledgement.
	 * @param tenant the tenant
	 * @return whether Kafka acknowledged it
	 */
	public boolean publish(Tenant tenant) {
		try {
			this.template.send(Topics.TENANTS.name(), tenant.id(), tenant.snapshot()).get(10, TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(tenant, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return failed(tenant, ex);
		}
	}

	private boolean failed(Tenant tenant, Exception ex) {
		this.failed.increment();
		LOGGER.warn("Tenant {} ({}) not published, will be re-published: {}", tenant.id(), tenant.status(),
				ex.getMessage());
		return false;
	}

	/**
	 * Re-publishes every tenant (start-up and periodically).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelayString = "${fleetgrid.auth.tenant-republish-interval:PT5M}",
			fixedDelayString = "${fleetgrid.auth.tenant-republish-interval:PT5M}")
	public void publishAll() {
		int published = 0;
		for (Tenant tenant : this.tenants.findAll()) {
			if (!publish(tenant)) {
				return;
			}
			published++;
		}
		LOGGER.info("Published {} tenant snapshots to {}", published, Topics.TENANTS.name());
	}

	@Override
	public void destroy() {
		this.producerFactory.destroy();
	}

}
