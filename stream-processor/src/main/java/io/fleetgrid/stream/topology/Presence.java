package io.fleetgrid.stream.topology;

import java.time.Instant;

import io.fleetgrid.stream.detect.DeviceMemory;

/**
 * A device's presence, scanned by the offline punctuation (a small value, so the scan
 * does not read the larger device memory of every device).
 *
 * @param tenantId tenant
 * @param groupId group, or null
 * @param lastProcessedMs wall-clock time when its newest event was processed
 * @param lastTs event time of its newest event
 * @param offline whether DEVICE_OFFLINE is active
 * @param rollupsDueMs wall-clock time from which, if the device stays silent, its first
 * open rollup window is due to close ({@link Long#MAX_VALUE}: none open; 0, as in values
 * of earlier versions: look at once). Only a filter: the punctuation checks the device
 * memory.
 */
public record Presence(String tenantId, String groupId, long lastProcessedMs, Instant lastTs, boolean offline,
		long rollupsDueMs) {

	Presence withOffline(boolean now) {
		return new Presence(this.tenantId, this.groupId, this.lastProcessedMs, this.lastTs, now, this.rollupsDueMs);
	}

	Presence withRollupsDueMs(long dueMs) {
		return new Presence(this.tenantId, this.groupId, this.lastProcessedMs, this.lastTs, this.offline, dueMs);
	}

	/**
	 * When a device's first open rollup window is due if the device stays silent: its
	 * rollup clock extrapolated by the wall-clock time since its newest event.
	 * @param memory the device memory
	 * @param graceMs grace period
	 * @return wall-clock time (epoch ms), {@link Long#MAX_VALUE} when no window is open
	 */
	static long rollupsDueMs(DeviceMemory memory, long graceMs) {
		long delay = memory.rollups.untilNextCloseMs(graceMs);
		if (delay == Long.MAX_VALUE) {
			return Long.MAX_VALUE;
		}
		long due = memory.lastProcessedMs + delay;
		return (due < memory.lastProcessedMs) ? Long.MAX_VALUE : due;
	}

}
