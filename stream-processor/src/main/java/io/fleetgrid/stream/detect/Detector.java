package io.fleetgrid.stream.detect;

/**
 * One alert family. Called for every telemetry event of an active device that arrives in
 * event-time order (late and duplicate events never reach the detectors); reads the
 * event, the device's memory and the effective thresholds and raises, updates or clears
 * alerts through {@link Detection#alerts()}.
 */
public interface Detector {

	/**
	 * Examines one event.
	 * @param detection the event and everything known about the device
	 */
	void detect(Detection detection);

}
