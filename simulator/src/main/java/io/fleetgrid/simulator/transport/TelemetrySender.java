package io.fleetgrid.simulator.transport;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.fleetgrid.simulator.model.DeviceCredential;

/**
 * Sends events of one device.
 */
public interface TelemetrySender extends AutoCloseable {

	/**
	 * Sends events.
	 * @param device the device
	 * @param events event objects (JSON); one is sent as an object, several as an array
	 * @return completes with the outcome ({@code "202"}, {@code "429"}, {@code "puback"},
	 * ...) when the server answered; fails on an I/O error
	 */
	CompletableFuture<String> send(DeviceCredential device, List<String> events);

	/**
	 * Sets up whatever the devices need before the clock starts (MQTT: one connection per
	 * device), so that connecting is not part of the measured run.
	 * @param devices the devices that will send
	 */
	default void prepare(List<DeviceCredential> devices) {
	}

	/**
	 * Whether an outcome means the events were accepted.
	 * @param outcome an outcome from {@link #send}
	 * @return true for accepted
	 */
	boolean accepted(String outcome);

	@Override
	void close();

}
