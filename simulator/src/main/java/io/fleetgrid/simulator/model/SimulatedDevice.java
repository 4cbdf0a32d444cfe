package io.fleetgrid.simulator.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * One simulated device: its credentials, its model and its sequence counter.
 */
public final class SimulatedDevice {

	private final DeviceCredential credential;

	private final DeviceModel model;

	private long seq;

	private SimulatedDevice(DeviceCredential credential, DeviceModel model) {
		this.credential = credential;
		this.model = model;
	}

	/**
	 * Creates a device with the model of its type; the same seed and id give the same
	 * device.
	 * @param credential id, token and type
	 * @param seed the run's seed
	 * @param start simulated start time
	 * @param centerLat city centre for vehicles
	 * @param centerLon city centre for vehicles
	 * @return the device
	 */
	public static SimulatedDevice create(DeviceCredential credential, long seed, Instant start, double centerLat,
			double centerLon) {
		SplittableRandom random = new SplittableRandom(seed ^ credential.deviceId().hashCode() * 0x9E3779B97F4A7C15L);
		DeviceModel model = switch (credential.type()) {
			case "VEHICLE" -> new VehicleModel(random, Route.around(random, centerLat, centerLon, 8_000), start);
			default -> new EnergySiteModel(random, ZoneId.of("Europe/Berlin"), start);
		};
		SimulatedDevice device = new SimulatedDevice(credential, model);
		// Sequence numbers continue across runs: they start at the start time in epoch
		// microseconds, so a restarted simulator (or the next benchmark phase) is not
		// dropped as a duplicate by ingest's (deviceId, seq) window, as long as a device
		// sends fewer than a million events per second.
		device.seq = start.getEpochSecond() * 1_000_000L + start.getNano() / 1_000;
		return device;
	}

	public DeviceCredential credential() {
		return this.credential;
	}

	/**
	 * The next event as JSON.
	 * @param now event time
	 * @return one event object
	 */
	public synchronized String nextEvent(Instant now) {
		return EventJson.event(now, ++this.seq, this.model.step(now));
	}

}
