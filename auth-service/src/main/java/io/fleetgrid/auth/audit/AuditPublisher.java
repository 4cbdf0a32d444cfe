package io.fleetgrid.auth.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.AuditEvent.Outcome;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.contracts.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes {@link AuditEvent}s to {@code fleetgrid.audit.v1}.
 * <p>
 * Auditing never makes the audited action fail or wait: events are handed to one
 * background sender through a bounded queue (10,000 events). When Kafka is unreachable
 * the producer blocks that sender for at most 5 s per event and retries delivery for 30
 * s; events that still fail, or that find the queue full, are logged and counted
 * ({@code fleetgrid.audit.failed}, {@code fleetgrid.audit.dropped}) and are lost. Logins
 * keep working while the broker is briefly down.
 */
@Component
public class AuditPublisher implements DisposableBean {

	private static final Logger LOGGER = LoggerFactory.getLogger(AuditPublisher.class);

	private static final String SERVICE = "auth-service";

	private final KafkaTemplate<String, AuditEvent> template;

	private final DefaultKafkaProducerFactory<String, AuditEvent> producerFactory;

	private final ThreadPoolExecutor sender;

	private final Clock clock;

	private final Counter failed;

	private final Counter dropped;

	public AuditPublisher(KafkaProperties kafka, MeterRegistry meters, Clock clock) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put("max.block.ms", 5000);
		config.put("request.timeout.ms", 10000);
		config.put("delivery.timeout.ms", 30000);
		config.put("linger.ms", 5);
		this.producerFactory = new DefaultKafkaProducerFactory<>(config, JsonSerdes.keySerializer(Topics.AUDIT),
				JsonSerdes.valueSerializer(Topics.AUDIT));
		this.template = new KafkaTemplate<>(this.producerFactory);
		this.clock = clock;
		this.failed = Counter.builder("fleetgrid.audit.failed")
			.description("Audit events Kafka did not acknowledge")
			.register(meters);
		this.dropped = Counter.builder("fleetgrid.audit.dropped")
			.description("Audit events dropped because the send queue was full")
			.register(meters);
		this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
				(runnable) -> {
					Thread thread = new Thread(runnable, "audit-sender");
					thread.setDaemon(true);
					return thread;
				}, (runnable, executor) -> {
					this.dropped.increment();
					LOGGER.warn("Audit queue full: event dropped");
				});
	}

	/**
	 * Publishes a tenant's audit event.
	 * @param tenantId tenant, or null for platform-level actions
	 * @param actor who acted
	 * @param action what was done, e.g. {@code LOGIN_FAILED}
	 * @param target the object acted on, or null
	 * @param outcome outcome
	 * @param details extra details (may be empty)
	 */
	public void publish(String tenantId, String actor, String action, String target, Outcome outcome,
			Map<String, Object> details) {
		AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), tenantId, actor, action, target, outcome,
				this.clock.instant(), SERVICE, MDC.get("traceId"), details);
		this.sender.execute(() -> send(event));
	}

	/**
	 * Publishes a successful action.
	 * @param tenantId tenant, or null
	 * @param actor who acted
	 * @param action what was done
	 * @param target the object acted on, or null
	 */
	public void success(String tenantId, String actor, String action, String target) {
		publish(tenantId, actor, action, target, Outcome.SUCCESS, Map.of());
	}

	private void send(AuditEvent event) {
		try {
			this.template.send(Topics.AUDIT.name(), event.key(), event).whenComplete((result, ex) -> {
				if (ex != null) {
					failed(event, ex);
				}
			});
		}
		catch (RuntimeException ex) {
			failed(event, ex);
		}
	}

	private void failed(AuditEvent event, Throwable ex) {
		this.failed.increment();
		LOGGER.warn("Audit event {} {} of {} not published: {}", event.action(), event.eventId(), event.actor(),
				ex.getMessage());
	}

	@Override
	public void destroy() throws InterruptedException {
		this.sender.shutdown();
		this.sender.awaitTermination(5, TimeUnit.SECONDS);
		this.producerFactory.destroy();
	}

}
