package io.fleetgrid.stream.topology;

import java.time.Instant;

/**
 * A device's presence, scanned by the offline punctuation (a small value, so the scan
 * does not read the larger device memory of every device).
 *
 * @param tenantId tenant
 * @param groupId group, or null
 * @param lastProcessedMs wall-clock time when its newest event was processed
 * @param lastTs event time of its newest event
 * @param offline whether DEVICE_OFFLINE is active
 */
public record Presence(String tenantId, String groupId, long lastProcessedMs, Instant lastTs, boolean offline) {

	Presence withOffline(boolean now) {
		return new Presence(this.tenantId, this.groupId, this.lastProcessedMs, this.lastTs, now);
	}

}
