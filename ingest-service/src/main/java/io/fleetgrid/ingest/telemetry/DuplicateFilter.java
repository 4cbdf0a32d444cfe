package io.fleetgrid.ingest.telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fleetgrid.contracts.telemetry.TelemetryPoint;

/**
 * Drops events whose {@code (deviceId, seq)} was already accepted within a bounded window
 * (bounded in entries and in time). Events without {@code seq} always pass. A pair is
 * remembered only after Kafka acknowledged it, so a batch refused with 503 is not
 * suppressed when the device retries it; two concurrent requests carrying the same pair
 * may both pass (at-least-once).
 */
public class DuplicateFilter {

	private final Cache<Key, Boolean> seen;

	/**
	 * Creates a filter.
	 * @param maxEntries most pairs remembered
	 * @param window how long a pair is remembered
	 */
	public DuplicateFilter(int maxEntries, Duration window) {
		this.seen = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(window).build();
	}

	/**
	 * The events not seen before (also dropping repeats within the list).
	 * @param deviceId the device
	 * @param points its events
	 * @return the new events, in order
	 */
	public List<TelemetryPoint> fresh(String deviceId, List<TelemetryPoint> points) {
		List<TelemetryPoint> fresh = new ArrayList<>(points.size());
		Set<Long> inBatch = new HashSet<>();
		for (TelemetryPoint point : points) {
			Long seq = point.seq();
			if (seq == null) {
				fresh.add(point);
			}
			else if (inBatch.add(seq) && this.seen.getIfPresent(new Key(deviceId, seq)) == null) {
				fresh.add(point);
			}
		}
		return fresh;
	}

	/**
	 * Remembers accepted events.
	 * @param deviceId the device
	 * @param points its events, acknowledged by Kafka
	 */
	public void remember(String deviceId, List<TelemetryPoint> points) {
		for (TelemetryPoint point : points) {
			if (point.seq() != null) {
				this.seen.put(new Key(deviceId, point.seq()), Boolean.TRUE);
			}
		}
	}

	private record Key(String deviceId, long seq) {

	}

}
