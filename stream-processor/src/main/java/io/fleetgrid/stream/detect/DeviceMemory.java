package io.fleetgrid.stream.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.stream.codec.EncodedRoute;
import io.fleetgrid.stream.rollup.RollupBuckets;

/**
 * What the processor remembers about one device between events: the state store value
 * (JSON, key deviceId, changelogged). Mutable on purpose: it is read, changed by the
 * detectors and written back once per event; never shared between threads.
 */
public final class DeviceMemory {

	/** How many recent event times are remembered to drop duplicates. */
	public static final int RECENT = 32;

	/** Event time of the newest event processed in order. */
	public Instant lastTs;

	/** Sequence number of that event, or null. */
	public Long lastSeq;

	/** Identities (event time and sequence number) of the most recent events. */
	public RecentEvents recent = new RecentEvents();

	/** Last speed. */
	public Double lastSpeedKph;

	/** Event time of the last speed. */
	public Instant lastSpeedTs;

	/** Last position. */
	public GeoPoint lastPosition;

	/** Newest value of every metric. */
	public Map<String, Object> metrics = new LinkedHashMap<>();

	/** Active alerts by {@code AlertBook.key}. */
	public Map<String, AlertEvent> alerts = new TreeMap<>();

	/** OVERSPEED: since when above the limit (the alert may not be raised yet). */
	public Instant overspeedAboveSince;

	/** OVERSPEED: highest speed of the current episode. */
	public Double overspeedMaxKph;

	/** OVERSPEED: since when below limit minus hysteresis while the alert is active. */
	public Instant overspeedBelowSince;

	/** Geofence presence by geofence id. */
	public Map<String, FenceState> fences = new TreeMap<>();

	/** DTC codes reported last. */
	public List<String> dtcCodes = new ArrayList<>();

	/** First odometer reading seen (for the usage rate). */
	public Double firstOdometerKm;

	/** When it was seen. */
	public Instant firstOdometerTs;

	/** PRODUCTION_DROP: since when production is below the expected. */
	public Instant productionLowSince;

	/** The trip in progress, or null. */
	public TripProgress trip;

	/** The open rollup windows (binary only, never in the JSON of earlier versions). */
	@JsonIgnore
	public RollupBuckets rollups = new RollupBuckets();

	/** Wall-clock time (epoch ms) when the newest event of the device was processed. */
	public long lastProcessedMs;

	/**
	 * Wall-clock time (epoch ms) when the device's presence was last written; 0 when it
	 * must be written with the next event (the offline punctuation sets it so).
	 */
	public long presenceWrittenMs;

	/** Wall-clock time (epoch ms) when the device's state was last published. */
	public long statePublishedMs;

	/**
	 * Whether the newest state was held back by the per-device throttle (published by the
	 * next event or the trailing-state punctuation).
	 */
	public boolean stateUnpublished;

	/**
	 * Records that the device's newest state was published.
	 * @param now wall-clock time (epoch ms)
	 */
	public void markStatePublished(long now) {
		this.statePublishedMs = now;
		this.stateUnpublished = false;
	}

	/**
	 * Presence of a device in one geofence, with the pending crossing that is not
	 * confirmed yet.
	 */
	public static final class FenceState {

		/** Whether the device is (confirmed) inside. */
		public boolean inside;

		/** Since when inside (confirmed). */
		public Instant insideSince;

		/** Consecutive points on the other side. */
		public int pending;

		/** Event time of the first of them. */
		public Instant pendingSince;

	}

	/**
	 * A trip in progress.
	 */
	public static final class TripProgress {

		/** Start (event time). */
		public Instant startedAt;

		/** Start position, or null. */
		public GeoPoint startPosition;

		/** Last event time. */
		public Instant lastTs;

		/** Last time the vehicle moved. */
		public Instant lastMovingTs;

		/** Distance so far. */
		public double distanceKm;

		/** Top speed. */
		public double maxSpeedKph;

		/** Sum of speed samples while moving. */
		public double speedSum;

		/** Number of speed samples while moving. */
		public long speedSamples;

		/** Harsh braking alerts raised. */
		public int harshBraking;

		/** Harsh acceleration alerts raised. */
		public int harshAcceleration;

		/** Overspeed alerts raised. */
		public int overspeed;

		/**
		 * Route points kept so far (an {@link EncodedRoute} as long as it only grows; any
		 * list is written correctly, an encoded route faster).
		 */
		public List<GeoPoint> route = new EncodedRoute();

	}

}
