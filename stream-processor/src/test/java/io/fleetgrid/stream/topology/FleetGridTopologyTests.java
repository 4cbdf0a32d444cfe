package io.fleetgrid.stream.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.DeviceSnapshot;
import io.fleetgrid.contracts.event.DeviceState;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.event.Trip.EndReason;
import io.fleetgrid.stream.config.StreamSettings;
import io.fleetgrid.stream.detect.DeviceMemory;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FleetGridTopologyTests {

	private final Harness harness = new Harness();

	private final DeviceSnapshot car = this.harness.vehicle(Harness.ACME, "veh-1", "fleet-1");

	@AfterEach
	void close() {
		this.harness.close();
	}

	@Test
	void dropsEventsOfUnknownAndDeactivatedDevicesWithAMetric() {
		DeviceSnapshot ghost = new DeviceSnapshot("ghost", Harness.ACME, this.car.type(), "ghost", null, List.of(),
				List.of(), true, null, null, Harness.T0, Harness.T0);
		this.harness.send(ghost, 0, Map.of("coolantTempC", 150.0));
		this.harness.device(new DeviceSnapshot("veh-1", Harness.ACME, this.car.type(), "veh-1", "fleet-1", List.of(),
				List.of(), false, null, null, Harness.T0, Harness.T0));
		this.harness.send(this.car, 1, Map.of("coolantTempC", 150.0));
		assertThat(this.harness.alerts()).isEmpty();
		assertThat(this.harness.states()).isEmpty();
		assertThat(this.harness.counter("fleetgrid.stream.events.dropped", "reason", "unknown-device")).isEqualTo(1);
		assertThat(this.harness.counter("fleetgrid.stream.events.dropped", "reason", "inactive-device")).isEqualTo(1);
		this.harness.deleteDevice("veh-1");
		this.harness.send(this.car, 2, Map.of("coolantTempC", 150.0));
		assertThat(this.harness.counter("fleetgrid.stream.events.dropped", "reason", "unknown-device")).isEqualTo(2);
	}

	@Test
	void deadLettersAnUnreadableRecordWithTheReasonAndGoesOn() {
		this.harness.sendRaw("veh-1", "{not json".getBytes(StandardCharsets.UTF_8));
		this.harness.send(this.car, 0, Map.of("coolantTempC", 150.0));
		assertThat(this.harness.deadLetters()).singleElement().satisfies((letter) -> {
			assertThat(letter.deviceId()).isEqualTo("veh-1");
			assertThat(letter.source()).isEqualTo("stream-processor");
			assertThat(letter.reason()).startsWith("unreadable telemetry");
			assertThat(letter.payload()).isEqualTo("{not json");
		});
		assertThat(this.harness.alerts()).extracting(AlertEvent::type).containsExactly(AlertType.ENGINE_OVERHEAT);
	}

	@Test
	void publishesTheDeviceStateWithActiveAlertTypes() {
		this.harness.send(this.car, 0, Map.of("lat", 52.5, "lon", 13.4, "speedKph", 42.0, "headingDeg", 90.0,
				"ignition", true, "fuelLevelPct", 5.0));
		this.harness.send(this.car, 1, Map.of("speedKph", 44.0));
		List<DeviceState> states = this.harness.states();
		assertThat(states).hasSize(2);
		DeviceState state = states.get(1);
		assertThat(state.position()).isEqualTo(new GeoPoint(52.5, 13.4));
		assertThat(state.speedKph()).isEqualTo(44.0);
		assertThat(state.headingDeg()).isEqualTo(90.0);
		assertThat(state.ignition()).isTrue();
		assertThat(state.fuelLevelPct()).isEqualTo(5.0);
		assertThat(state.lastSeen()).isEqualTo(Harness.T0.plusSeconds(1));
		assertThat(state.activeAlerts()).containsExactly(AlertType.LOW_FUEL);
	}

	@Test
	void throttlesTheDeviceStateButPublishesAlertStepsAndIgnitionChangesAtOnce() {
		StreamSettings defaults = StreamSettings.defaults();
		StreamSettings throttled = stateEveryFiveSeconds();
		assertThat(defaults.deviceStateInterval()).isZero();
		try (Harness throttledHarness = new Harness(throttled, true)) {
			DeviceSnapshot van = throttledHarness.vehicle(Harness.ACME, "veh-2", "fleet-1");
			throttledHarness.send(van, 0, Map.of("speedKph", 40.0, "ignition", true));
			throttledHarness.send(van, 1, Map.of("speedKph", 41.0, "ignition", true));
			throttledHarness.send(van, 2, Map.of("speedKph", 42.0, "ignition", true));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(40.0);
			throttledHarness.send(van, 3, Map.of("speedKph", 43.0, "ignition", true, "fuelLevelPct", 5.0));
			// (gently: a harsh deceleration would be an alert step of its own)
			throttledHarness.send(van, 4, Map.of("speedKph", 40.0, "ignition", false));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(43.0, 40.0);
			throttledHarness.send(van, 5, Map.of("speedKph", 38.0, "ignition", false));
			assertThat(throttledHarness.states()).isEmpty();
			// The van falls silent: its newest state still goes out once the interval
			// ends.
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(38.0);
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).as("nothing new to publish").isEmpty();
			throttledHarness.send(van, 10, Map.of("speedKph", 36.0, "ignition", false));
			throttledHarness.send(van, 11, Map.of("speedKph", 35.0, "ignition", false));
			assertThat(throttledHarness.states()).extracting(DeviceState::lastSeen)
				.containsExactly(Harness.T0.plusSeconds(10));
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).extracting(DeviceState::lastSeen)
				.containsExactly(Harness.T0.plusSeconds(11));
		}
	}

	@Test
	void theTrailingStatePunctuationLeavesADeviceThatKeepsSendingToItsOwnEvents() {
		StreamSettings throttled = stateEveryFiveSeconds();
		try (Harness throttledHarness = new Harness(throttled, true)) {
			DeviceSnapshot van = throttledHarness.vehicle(Harness.ACME, "veh-4", "fleet-1");
			throttledHarness.send(van, 0, Map.of("speedKph", 40.0, "ignition", true));
			for (int second = 1; second <= 6; second++) {
				throttledHarness.advanceWallClock(Duration.ofSeconds(1));
				throttledHarness.send(van, second, Map.of("speedKph", 40.0 + second, "ignition", true));
			}
			assertThat(throttledHarness.states()).as("the first event and the first one a whole interval later")
				.extracting(DeviceState::speedKph)
				.containsExactly(40.0, 45.0);
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).as("silent for an interval: the trailing state")
				.extracting(DeviceState::speedKph)
				.containsExactly(46.0);
		}
	}

	@Test
	void aTrailingStateCountsForTheThrottleThoughItsMemoryIsNotWrittenBack() {
		StreamSettings throttled = stateEveryFiveSeconds();
		try (Harness throttledHarness = new Harness(throttled, true)) {
			DeviceSnapshot van = throttledHarness.vehicle(Harness.ACME, "veh-5", "fleet-1");
			throttledHarness.send(van, 0, Map.of("speedKph", 40.0, "ignition", true));
			throttledHarness.advanceWallClock(Duration.ofSeconds(1));
			throttledHarness.send(van, 1, Map.of("speedKph", 41.0, "ignition", true));
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(40.0, 41.0);
			KeyValueStore<String, DeviceMemory> memories = throttledHarness.driver()
				.getKeyValueStore(FleetGridTopology.MEMORY_STORE);
			assertThat(memories.get("veh-5").stateUnpublished).as("the punctuation did not write the memory").isTrue();
			// a second after the trailing state: held back, as if the memory knew of it
			throttledHarness.advanceWallClock(Duration.ofSeconds(1));
			throttledHarness.send(van, 7, Map.of("speedKph", 47.0, "ignition", true));
			assertThat(throttledHarness.states()).isEmpty();
			assertThat(memories.get("veh-5").statePublishedMs).as("the event wrote when the trailing state went out")
				.isEqualTo(memories.get("veh-5").lastProcessedMs - 1_000);
			throttledHarness.advanceWallClock(Duration.ofSeconds(5));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(47.0);
		}
	}

	@Test
	void publishesTheThrottledStateWhenAnAlertIsRaisedOrClearedButNotForAnUpdate() {
		StreamSettings throttled = stateEveryFiveSeconds();
		try (Harness throttledHarness = new Harness(throttled, true)) {
			DeviceSnapshot van = throttledHarness.vehicle(Harness.ACME, "veh-3", "fleet-1");
			throttledHarness.send(van, 0, Map.of("speedKph", 130.0));
			throttledHarness.send(van, 5, Map.of("speedKph", 130.0));
			assertThat(throttledHarness.states()).extracting(DeviceState::speedKph).containsExactly(130.0);
			throttledHarness.send(van, 10, Map.of("speedKph", 131.0));
			assertThat(throttledHarness.states()).as("OVERSPEED raised")
				.singleElement()
				.satisfies((state) -> assertThat(state.activeAlerts()).containsExactly(AlertType.OVERSPEED));
			throttledHarness.send(van, 11, Map.of("speedKph", 140.0));
			assertThat(throttledHarness.alerts()).extracting(AlertEvent::status)
				.containsExactly(Status.RAISED, Status.UPDATED);
			assertThat(throttledHarness.states()).as("an update leaves the active alerts as they were").isEmpty();
			// slowing down gently (no HARSH_BRAKING), below 120 - 5 km/h from second 16
			throttledHarness.send(van, 12, Map.of("speedKph", 135.0));
			throttledHarness.send(van, 14, Map.of("speedKph", 125.0));
			throttledHarness.send(van, 16, Map.of("speedKph", 114.0));
			throttledHarness.send(van, 26, Map.of("speedKph", 110.0));
			assertThat(throttledHarness.alerts()).extracting(AlertEvent::status).containsExactly(Status.CLEARED);
			assertThat(throttledHarness.states()).as("OVERSPEED cleared")
				.singleElement()
				.satisfies((state) -> assertThat(state.activeAlerts()).isEmpty());
		}
	}

	@Test
	void rollsUpPerMinuteOnceTheWindowAndGracePeriodHavePassed() {
		// 0.001° of latitude is about 111 m
		this.harness.send(this.car, 0, Map.of("lat", 52.500, "lon", 13.4, "speedKph", 40.0, "coolantTempC", 90.0));
		this.harness.send(this.car, 30, Map.of("lat", 52.501, "lon", 13.4, "speedKph", 60.0, "coolantTempC", 95.0));
		this.harness.send(this.car, 20, Map.of("speedKph", 50.0));
		this.harness.send(this.car, 59, Map.of("lat", 52.502, "lon", 13.4, "speedKph", 50.0));
		this.harness.send(this.car, 100, Map.of("speedKph", 10.0));
		assertThat(this.harness.rollups()).isEmpty();
		this.harness.send(this.car, 60 + 120, Map.of("speedKph", 10.0));
		List<Rollup> rollups = this.harness.rollups();
		assertThat(rollups).singleElement().satisfies((rollup) -> {
			assertThat(rollup.resolution()).isEqualTo(Resolution.MINUTE);
			assertThat(rollup.windowStart()).isEqualTo(Harness.T0);
			assertThat(rollup.count()).isEqualTo(4);
			assertThat(rollup.avgSpeedKph()).isEqualTo(50.0);
			assertThat(rollup.maxSpeedKph()).isEqualTo(60.0);
			assertThat(rollup.distanceKm()).isCloseTo(0.222, within(0.002));
			assertThat(rollup.maxCoolantTempC()).isEqualTo(95.0);
			assertThat(rollup.metrics().get("speedKph").count()).isEqualTo(4);
		});
	}

	@Test
	void dropsAnEventThatComesAfterItsRollupWindowClosedWithAMetric() {
		this.harness.send(this.car, 0, Map.of("speedKph", 40.0));
		this.harness.send(this.car, 50, Map.of("speedKph", 60.0));
		// one second before minute 0 closes (end 60 s + grace 120 s): still counted
		this.harness.send(this.car, 179, Map.of("speedKph", 10.0));
		this.harness.send(this.car, 59, Map.of("speedKph", 80.0));
		assertThat(this.harness.rollups()).isEmpty();
		this.harness.send(this.car, 180, Map.of("speedKph", 10.0));
		assertThat(this.harness.rollups()).singleElement().satisfies((rollup) -> {
			assertThat(rollup.windowStart()).isEqualTo(Harness.T0);
			assertThat(rollup.count()).isEqualTo(3);
			assertThat(rollup.maxSpeedKph()).isEqualTo(80.0);
		});
		// minute 0 is closed now; the hour is still open and counts it
		this.harness.send(this.car, 30, Map.of("speedKph", 99.0));
		assertThat(this.harness.rollups()).isEmpty();
		assertThat(this.harness.counter("fleetgrid.stream.rollups.too-late")).isEqualTo(1);
		this.harness.send(this.car, 3600 + 120, Map.of("speedKph", 0.0));
		assertThat(this.harness.rollups()).filteredOn((rollup) -> rollup.resolution() == Resolution.HOUR)
			.singleElement()
			.satisfies((hour) -> {
				assertThat(hour.count()).isEqualTo(6);
				assertThat(hour.maxSpeedKph()).isEqualTo(99.0);
			});
	}

	@Test
	void closesTheRollupWindowsOfEachDeviceByItsOwnEventTime() {
		DeviceSnapshot lagging = this.harness.vehicle(Harness.ACME, "veh-2", "fleet-1");
		this.harness.send(this.car, 0, Map.of("speedKph", 40.0));
		this.harness.send(lagging, 0, Map.of("speedKph", 20.0));
		// the first car is ten minutes ahead (its own clock); the other one's minute 0
		// stays open
		this.harness.send(this.car, 600, Map.of("speedKph", 40.0));
		assertThat(this.harness.rollups()).extracting(Rollup::deviceId).containsExactly("veh-1");
		this.harness.send(lagging, 30, Map.of("speedKph", 30.0));
		this.harness.send(lagging, 180, Map.of("speedKph", 30.0));
		assertThat(this.harness.rollups()).singleElement().satisfies((rollup) -> {
			assertThat(rollup.deviceId()).isEqualTo("veh-2");
			assertThat(rollup.count()).isEqualTo(2);
			assertThat(rollup.avgSpeedKph()).isEqualTo(25.0);
		});
	}

	@Test
	void closesTheRollupWindowsOfASilentDeviceByWallClock() {
		this.harness.send(this.car, 0, Map.of("speedKph", 40.0));
		this.harness.send(this.car, 30, Map.of("speedKph", 60.0));
		this.harness.advanceWallClock(Duration.ofSeconds(60));
		assertThat(this.harness.rollups()).as("minute 0 is not due before 60 s + grace").isEmpty();
		// 30 s (event time) + 150 s of silence reach 60 s + 120 s grace; the scan runs
		// every 30 s and its filter (the presence) may be up to one interval late
		this.harness.advanceWallClock(Duration.ofSeconds(120));
		assertThat(this.harness.rollups()).singleElement().satisfies((rollup) -> {
			assertThat(rollup.resolution()).isEqualTo(Resolution.MINUTE);
			assertThat(rollup.windowStart()).isEqualTo(Harness.T0);
			assertThat(rollup.count()).isEqualTo(2);
		});
		this.harness.advanceWallClock(Duration.ofMinutes(30));
		assertThat(this.harness.rollups()).as("the hour is not due yet").isEmpty();
		this.harness.advanceWallClock(Duration.ofMinutes(32));
		assertThat(this.harness.rollups()).singleElement().satisfies((rollup) -> {
			assertThat(rollup.resolution()).isEqualTo(Resolution.HOUR);
			assertThat(rollup.count()).isEqualTo(2);
		});
		// a straggler of the closed windows is not counted again
		this.harness.send(this.car, 45, Map.of("speedKph", 50.0));
		assertThat(this.harness.counter("fleetgrid.stream.rollups.too-late")).isEqualTo(2);
		// the device is back: its next windows close by its events again
		this.harness.send(this.car, 3700, Map.of("speedKph", 50.0));
		this.harness.send(this.car, 3900, Map.of("speedKph", 50.0));
		assertThat(this.harness.rollups()).singleElement().satisfies((rollup) -> {
			assertThat(rollup.resolution()).isEqualTo(Resolution.MINUTE);
			assertThat(rollup.windowStart()).isEqualTo(Harness.T0.plusSeconds(3660));
			assertThat(rollup.count()).isEqualTo(1);
		});
	}

	@Test
	void integratesPvEnergyInTheHourlyRollup() {
		DeviceSnapshot inverter = this.harness.inverter(Harness.ACME, "inv-1", null);
		for (int minute = 0; minute <= 60; minute++) {
			this.harness.send(inverter, minute * 60, Map.of("pvPowerW", 3000.0, "batterySocPct", 80.0 - minute / 10));
		}
		this.harness.send(inverter, 4 * 3600, Map.of("pvPowerW", 0.0));
		Rollup hour = this.harness.rollups()
			.stream()
			.filter((rollup) -> rollup.resolution() == Resolution.HOUR)
			.findFirst()
			.orElseThrow();
		// 3 kW for the 59 minutes between the first and the last sample of the hour
		assertThat(hour.pvEnergyKwh()).isCloseTo(2.95, within(0.001));
		assertThat(hour.minBatterySocPct()).isEqualTo(75.0);
		assertThat(hour.count()).isEqualTo(60);
	}

	@Test
	void emitsATripFromIgnitionOnToOffWithDistanceSpeedsCountsAndRoute() {
		this.harness.send(this.car, 0, Map.of("ignition", true, "lat", 52.50, "lon", 13.40, "speedKph", 0.0));
		for (int i = 1; i <= 20; i++) {
			this.harness.send(this.car, i * 10, Map.of("ignition", true, "lat", 52.50 + i * 0.001, "lon", 13.40,
					"speedKph", (i == 10) ? 130.0 : 36.0));
		}
		this.harness.send(this.car, 205, Map.of("ignition", true, "accelMps2", -6.0, "speedKph", 10.0));
		this.harness.send(this.car, 210, Map.of("ignition", false, "speedKph", 0.0));
		List<Trip> trips = this.harness.trips();
		assertThat(trips).singleElement().satisfies((trip) -> {
			assertThat(trip.startedAt()).isEqualTo(Harness.T0);
			assertThat(trip.endedAt()).isEqualTo(Harness.T0.plusSeconds(210));
			assertThat(trip.endReason()).isEqualTo(EndReason.IGNITION_OFF);
			assertThat(trip.distanceKm()).isCloseTo(2.224, within(0.01));
			assertThat(trip.maxSpeedKph()).isEqualTo(130.0);
			assertThat(trip.harshBrakingCount()).isEqualTo(1);
			assertThat(trip.startPosition()).isEqualTo(new GeoPoint(52.50, 13.40));
			// a straight line simplifies to its two ends
			assertThat(trip.route()).containsExactly(new GeoPoint(52.50, 13.40), new GeoPoint(52.52, 13.40));
		});
	}

	@Test
	void endsATripWithoutIgnitionDataAfterTheIdleGap() {
		this.harness.send(this.car, 0, Map.of("speedKph", 30.0, "lat", 52.50, "lon", 13.40));
		this.harness.send(this.car, 60, Map.of("speedKph", 30.0, "lat", 52.51, "lon", 13.40));
		this.harness.send(this.car, 120, Map.of("speedKph", 0.0, "lat", 52.51, "lon", 13.40));
		this.harness.send(this.car, 60 + 300, Map.of("speedKph", 0.0, "lat", 52.51, "lon", 13.40));
		assertThat(this.harness.trips()).singleElement().satisfies((trip) -> {
			assertThat(trip.endReason()).isEqualTo(EndReason.IDLE_GAP);
			assertThat(trip.endedAt()).isEqualTo(Harness.T0.plusSeconds(60));
		});
	}

	/** The defaults with the application's device-state interval of 5 s. */
	private static StreamSettings stateEveryFiveSeconds() {
		return new StreamSettings(null, null, null, null, null, null, null, null, null, null, Duration.ofSeconds(5),
				null, null, null, null, null);
	}

}
