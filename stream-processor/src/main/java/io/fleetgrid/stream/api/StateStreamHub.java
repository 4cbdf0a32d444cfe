package io.fleetgrid.stream.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.stream.registry.Registry;
import io.fleetgrid.stream.topology.StateViewListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live state streams, by tenant, fed by the global stream thread right after it
 * writes a state into the view ({@link StateViewListener}). Delivering a state to the
 * subscriptions of its tenant only matches the caller's scope and puts it into each
 * subscription's bounded buffer; every subscription writes to its client on its own
 * virtual thread, so neither the stream thread nor other clients wait for a slow one.
 */
@Component
@EnableConfigurationProperties(StateStreamProperties.class)
class StateStreamHub implements StateViewListener, DisposableBean {

	private static final Logger LOGGER = LoggerFactory.getLogger(StateStreamHub.class);

	private final Registry registry;

	private final StateStreamProperties properties;

	private final Map<String, Set<StateSubscription>> byTenant = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	private final ExecutorService writers = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("state-stream-", 0).factory());

	private final Counter overflows;

	StateStreamHub(Registry registry, StateStreamProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.registry = registry;
		this.properties = properties;
		MeterRegistry meterRegistry = meters.getIfUnique(SimpleMeterRegistry::new);
		Gauge.builder("fleetgrid.stream.state-stream.connections", this.open, AtomicInteger::get)
			.description("Open live device state streams")
			.register(meterRegistry);
		this.overflows = Counter.builder("fleetgrid.stream.state-stream.overflows")
			.description("State streams closed because the client fell too far behind")
			.register(meterRegistry);
	}

	/**
	 * Opens a stream for a scope. The response completes when the client goes away, the
	 * client falls more than {@code max-pending} devices behind, or the service stops.
	 * @param scope the caller's scope
	 * @return the emitter to return from the controller
	 */
	SseEmitter open(DeviceScope scope) {
		SseEmitter emitter = new SseEmitter(0L);
		StateSubscription subscription = new StateSubscription(scope, emitter, this.properties.heartbeat(),
				this.properties.maxPending(), this::remove);
		emitter.onCompletion(subscription::close);
		emitter.onTimeout(subscription::close);
		emitter.onError((ex) -> subscription.close());
		this.byTenant.compute(scope.tenantId(), (tenant, subscriptions) -> {
			Set<StateSubscription> set = (subscriptions != null) ? subscriptions : ConcurrentHashMap.newKeySet();
			set.add(subscription);
			return set;
		});
		this.open.incrementAndGet();
		this.writers.execute(subscription);
		return emitter;
	}

	/**
	 * Whether a stream of the device's tenant is open (any open stream for a device the
	 * registry does not know).
	 */
	@Override
	public boolean wants(String deviceId) {
		if (this.byTenant.isEmpty()) {
			return false;
		}
		DeviceSnapshot device = this.registry.device(deviceId);
		return device == null || this.byTenant.containsKey(device.tenantId());
	}

	@Override
	public void onState(DeviceState state) {
		Set<StateSubscription> subscriptions = this.byTenant.get(state.tenantId());
		if (subscriptions == null || subscriptions.isEmpty()) {
			return;
		}
		DeviceSnapshot device = this.registry.device(state.deviceId());
		for (StateSubscription subscription : subscriptions) {
			if (subscription.scope().admits(state, device) && !subscription.offer(state)) {
				LOGGER.warn("Closing a state stream of tenant {}: more than {} devices waiting for the client",
						state.tenantId(), this.properties.maxPending());
				this.overflows.increment();
			}
		}
	}

	/**
	 * The number of open streams of one tenant.
	 * @param tenantId the tenant
	 * @return open streams
	 */
	int openStreams(String tenantId) {
		Set<StateSubscription> subscriptions = this.byTenant.get(tenantId);
		return (subscriptions != null) ? subscriptions.size() : 0;
	}

	private void remove(StateSubscription subscription) {
		this.byTenant.computeIfPresent(subscription.scope().tenantId(), (tenant, subscriptions) -> {
			if (subscriptions.remove(subscription)) {
				this.open.decrementAndGet();
			}
			return subscriptions.isEmpty() ? null : subscriptions;
		});
	}

	@Override
	public void destroy() {
		this.byTenant.values().forEach((subscriptions) -> subscriptions.forEach(StateSubscription::close));
		this.writers.shutdown();
	}

}
