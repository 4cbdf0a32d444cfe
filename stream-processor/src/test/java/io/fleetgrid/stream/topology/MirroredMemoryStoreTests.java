package io.fleetgrid.stream.topology;

import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.detect.DeviceMemory;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MirroredMemoryStoreTests {

	private static final DeviceMemorySerde SERDE = new DeviceMemorySerde();

	@Test
	void theMirroredMemoryIsTheOneWrittenToTheStoreBelow() {
		try (Harness harness = new Harness(mirror(8192), true)) {
			DeviceSnapshot car = harness.vehicle(Harness.ACME, "veh-1", "fleet-1");
			harness.send(car, 0, Map.of("speedKph", 50.0, "coolantTempC", 90.0));
			harness.send(car, 1, Map.of("speedKph", 52.0, "coolantTempC", 91.0));
			MirroredMemoryStore mirror = mirror(harness);

			assertThat(mirror.mirrored()).isEqualTo(1);
			DeviceMemory mirrored = mirror.get("veh-1");
			assertThat(mirrored).isSameAs(mirror.get("veh-1"));
			assertThat(bytes(mirrored)).isEqualTo(bytes(mirror.wrapped().get("veh-1")));
			assertThat(mirrored.lastSpeedKph).isEqualTo(52.0);
		}
	}

	@Test
	void aForgottenDeviceIsReadBackAsStoredNotAsHalfChanged() {
		try (Harness harness = new Harness(mirror(8192), true)) {
			DeviceSnapshot car = harness.vehicle(Harness.ACME, "veh-1", "fleet-1");
			harness.send(car, 0, Map.of("speedKph", 50.0));
			MirroredMemoryStore mirror = mirror(harness);
			DeviceMemory changed = mirror.get("veh-1");
			changed.lastSpeedKph = 999.0;

			mirror.forget("veh-1");

			assertThat(mirror.get("veh-1")).isNotSameAs(changed)
				.satisfies((stored) -> assertThat(stored.lastSpeedKph).isEqualTo(50.0));
		}
	}

	@Test
	void devicesBeyondTheCapacityKeepTheirStateThroughTheStoreBelow() {
		// 12 devices over the 12 telemetry partitions: one memory per task
		try (Harness harness = new Harness(mirror(12), true)) {
			List<DeviceSnapshot> cars = List.of(harness.vehicle(Harness.ACME, "veh-1", "fleet-1"),
					harness.vehicle(Harness.ACME, "veh-2", "fleet-1"),
					harness.vehicle(Harness.ACME, "veh-3", "fleet-1"));
			for (int second = 0; second < 3; second++) {
				for (DeviceSnapshot car : cars) {
					harness.send(car, second, Map.of("coolantTempC", 130.0));
				}
			}
			assertThat(mirror(harness).mirrored()).isEqualTo(1);
			assertThat(harness.alerts()).as("raised once per device, never again")
				.extracting(AlertEvent::deviceId, AlertEvent::type)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("veh-1", AlertType.ENGINE_OVERHEAT),
						org.assertj.core.groups.Tuple.tuple("veh-2", AlertType.ENGINE_OVERHEAT),
						org.assertj.core.groups.Tuple.tuple("veh-3", AlertType.ENGINE_OVERHEAT));
		}
	}

	@Test
	void turnsSelectiveWhenFewReadsFindTheirMemoryAndBackWhenManyDo() {
		// one memory per task, read windows of 1,024 events
		try (Harness harness = new Harness(mirror(12), true)) {
			List<DeviceSnapshot> cars = List.of(harness.vehicle(Harness.ACME, "veh-1", "fleet-1"),
					harness.vehicle(Harness.ACME, "veh-2", "fleet-1"));
			MirroredMemoryStore mirror = mirror(harness);
			int second = 0;
			for (int i = 0; i < 1_100; i++) {
				harness.send(cars.get(i % 2), second++, Map.of("speedKph", 50.0));
			}
			assertThat(mirror.admittingAll()).as("two devices taking turns in a mirror of one").isFalse();
			for (int i = 0; i < 2_100; i++) {
				harness.send(cars.get(0), second++, Map.of("speedKph", 50.0));
			}
			assertThat(mirror.admittingAll()).as("one device").isTrue();
			assertThat(mirror.get("veh-1").lastTs).isEqualTo(Harness.T0.plusSeconds(second - 1));
		}
	}

	@Test
	void aMirrorOfZeroLeavesTheStoreAsKafkaStreamsBuildsIt() {
		try (Harness harness = new Harness(mirror(0), true)) {
			DeviceSnapshot car = harness.vehicle(Harness.ACME, "veh-1", "fleet-1");
			harness.send(car, 0, Map.of("coolantTempC", 130.0));
			harness.send(car, 1, Map.of("coolantTempC", 131.0));
			assertThat(MirroredMemoryStore.of(harness.driver().getKeyValueStore(FleetGridTopology.MEMORY_STORE)))
				.isNull();
			assertThat(harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.ENGINE_OVERHEAT);
		}
	}

	private static StreamSettings mirror(int devices) {
		return new StreamSettings(null, null, null, null, null, null, null, null, null, null, null, null, devices, null,
				null, null);
	}

	private static MirroredMemoryStore mirror(Harness harness) {
		KeyValueStore<String, DeviceMemory> store = harness.driver().getKeyValueStore(FleetGridTopology.MEMORY_STORE);
		MirroredMemoryStore mirror = MirroredMemoryStore.of(store);
		assertThat(mirror).isNotNull();
		return mirror;
	}

	private static byte[] bytes(DeviceMemory memory) {
		return SERDE.serializer().serialize("t", memory);
	}

}
