package io.fleetgrid.stream.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.DeviceType;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

class StateSubscriptionTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");

	private final StateSubscription subscription = new StateSubscription(new DeviceScope("acme", null, null, null),
			new SseEmitter(), Duration.ofSeconds(15), 2, (ended) -> {
			});

	@Test
	void keepsOnlyTheNewestPendingStatePerDevice() {
		assertThat(this.subscription.offer(state("veh-1", 10.0))).isTrue();
		assertThat(this.subscription.offer(state("veh-1", 20.0))).isTrue();
		assertThat(this.subscription.offer(state("veh-1", 30.0))).isTrue();

		assertThat(this.subscription.pendingCount()).isEqualTo(1);
		assertThat(this.subscription.end()).isEqualTo(StateSubscription.End.NONE);
	}

	@Test
	void endsTheSubscriptionWhenMoreDevicesWaitThanAllowed() {
		assertThat(this.subscription.offer(state("veh-1", 10.0))).isTrue();
		assertThat(this.subscription.offer(state("veh-2", 10.0))).isTrue();

		assertThat(this.subscription.offer(state("veh-3", 10.0))).isFalse();

		assertThat(this.subscription.end()).isEqualTo(StateSubscription.End.OVERFLOW);
		assertThat(this.subscription.pendingCount()).isZero();
	}

	@Test
	void ignoresStatesAfterItWasClosed() {
		this.subscription.close();

		assertThat(this.subscription.offer(state("veh-1", 10.0))).isTrue();
		assertThat(this.subscription.pendingCount()).isZero();
		assertThat(this.subscription.end()).isEqualTo(StateSubscription.End.CLOSED);
	}

	private static DeviceState state(String id, double speed) {
		return new DeviceState(id, "acme", DeviceType.VEHICLE, NOW, null, speed, null, null, null, null, null,
				List.of(), Map.of(), NOW);
	}

}
