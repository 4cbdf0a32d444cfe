package io.fleetgrid.stream.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer counters of the topology: {@code fleetgrid.stream.events.dropped} (tag
 * {@code reason}: {@code unknown-device}, {@code inactive-device},
 * {@code tenant-mismatch}, {@code duplicate}), {@code fleetgrid.stream.events.late} (out
 * of order: rollups only), {@code fleetgrid.stream.rollups.too-late} (per resolution, an
 * event whose rollup window had closed), {@code fleetgrid.stream.events.dead-lettered}
 * and {@code fleetgrid.stream.events.processed}.
 */
public final class StreamMetrics {

	private final Counter unknown;

	private final Counter inactive;

	private final Counter tenantMismatch;

	private final Counter duplicate;

	private final Counter late;

	private final Counter tooLateForRollups;

	private final Counter deadLettered;

	private final Counter processed;

	/**
	 * Counters in a registry.
	 * @param registry the registry
	 */
	public StreamMetrics(MeterRegistry registry) {
		this.unknown = dropped(registry, "unknown-device");
		this.inactive = dropped(registry, "inactive-device");
		this.tenantMismatch = dropped(registry, "tenant-mismatch");
		this.duplicate = dropped(registry, "duplicate");
		this.late = Counter.builder("fleetgrid.stream.events.late")
			.description("Out-of-order telemetry (counted in rollups, not given to the detectors)")
			.register(registry);
		this.tooLateForRollups = Counter.builder("fleetgrid.stream.rollups.too-late")
			.description("Events that came after their rollup window had closed (window end + grace), "
					+ "once per resolution; not counted in that window")
			.register(registry);
		this.deadLettered = Counter.builder("fleetgrid.stream.events.dead-lettered")
			.description("Telemetry records written to the dead-letter topic")
			.register(registry);
		this.processed = Counter.builder("fleetgrid.stream.events.processed")
			.description("Telemetry events run through the detectors")
			.register(registry);
	}

	private static Counter dropped(MeterRegistry registry, String reason) {
		return Counter.builder("fleetgrid.stream.events.dropped")
			.description("Telemetry dropped without an error")
			.tag("reason", reason)
			.register(registry);
	}

	void unknownDevice() {
		this.unknown.increment();
	}

	void inactiveDevice() {
		this.inactive.increment();
	}

	void tenantMismatch() {
		this.tenantMismatch.increment();
	}

	void duplicate() {
		this.duplicate.increment();
	}

	void late() {
		this.late.increment();
	}

	void tooLateForRollups(int resolutions) {
		this.tooLateForRollups.increment(resolutions);
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

	void processed() {
		this.processed.increment();
	}

}
