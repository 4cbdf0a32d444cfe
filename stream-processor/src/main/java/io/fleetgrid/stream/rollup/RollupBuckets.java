package io.fleetgrid.stream.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.codec.ByteArrayDataInput;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import io.fleetgrid.stream.codec.Compact;

/**
 * The open rollup windows of one device (part of its device memory): per resolution the
 * event-time tumbling windows that may still receive events. A window closes, and its
 * {@link Rollup} is emitted once, when the device's rollup clock (the newest event time
 * it counted) passes window end + grace; the offline punctuation closes the windows of a
 * silent device with the clock extrapolated by the wall-clock time since its last event.
 * An event for a window that closed already is not counted (late beyond grace).
 * <p>
 * Mutable, like the device memory that holds it; never shared between threads.
 */
public final class RollupBuckets {

	private static final Resolution[] RESOLUTIONS = Resolution.values();

	private static final long NONE = Long.MIN_VALUE;

	/** Newest event time (epoch ms) counted, {@link #NONE} before the first. */
	private long clockMs = NONE;

	/**
	 * Per resolution: end (epoch ms) of the newest closed window, {@link #NONE} if none.
	 */
	private final long[] closedUntilMs = new long[RESOLUTIONS.length];

	/** Open windows, ordered by resolution, then start. */
	private final List<Bucket> open = new ArrayList<>(6);

	/**
	 * The name table that the cached encodings of the windows ({@link Bucket#encoded})
	 * refer to.
	 */
	private List<String> encodedNames = List.of();

	/**
	 * No window open or closed yet.
	 */
	public RollupBuckets() {
		java.util.Arrays.fill(this.closedUntilMs, NONE);
	}

	/**
	 * Counts an event in its window of every resolution.
	 * @param event the event
	 * @param graceMs how long after its end (event time) a window still takes events
	 * @return for how many resolutions the event came too late (its window closed)
	 */
	public int add(TelemetryEvent event, long graceMs) {
		long ts = event.ts().toEpochMilli();
		if (ts > this.clockMs) {
			this.clockMs = ts;
		}
		int late = 0;
		RollupAccumulator.Sample sample = null;
		for (Resolution resolution : RESOLUTIONS) {
			long size = resolution.duration().toMillis();
			long start = Math.floorDiv(ts, size) * size;
			long end = start + size;
			if (end + graceMs <= this.clockMs || end <= this.closedUntilMs[resolution.ordinal()]) {
				late++;
			}
			else {
				sample = (sample != null) ? sample : new RollupAccumulator.Sample(event);
				Bucket bucket = bucket(resolution, start);
				bucket.accumulator.add(sample);
				bucket.encoded = null;
			}
		}
		return late;
	}

	private Bucket bucket(Resolution resolution, long startMs) {
		int index = 0;
		for (; index < this.open.size(); index++) {
			Bucket bucket = this.open.get(index);
			int order = Integer.compare(bucket.resolution.ordinal(), resolution.ordinal());
			if (order == 0) {
				order = Long.compare(bucket.startMs, startMs);
			}
			if (order == 0) {
				return bucket;
			}
			if (order > 0) {
				break;
			}
		}
		Bucket created = new Bucket(resolution, startMs, new RollupAccumulator());
		this.open.add(index, created);
		return created;
	}

	/**
	 * Closes every window whose end + grace is not after {@code timeMs}.
	 * @param timeMs event time (epoch ms) the windows are closed at: the rollup clock, or
	 * for a silent device an estimate of where its clock would be
	 * @param graceMs grace period
	 * @param deviceId the device
	 * @param out receives the rollups of the closed windows (minutes first, oldest first)
	 */
	public void closeDue(long timeMs, long graceMs, String deviceId, List<? super Rollup> out) {
		Iterator<Bucket> buckets = this.open.iterator();
		while (buckets.hasNext()) {
			Bucket bucket = buckets.next();
			long end = bucket.startMs + bucket.resolution.duration().toMillis();
			if (end + graceMs <= timeMs) {
				buckets.remove();
				int r = bucket.resolution.ordinal();
				this.closedUntilMs[r] = Math.max(this.closedUntilMs[r], end);
				out.add(bucket.accumulator.toRollup(deviceId, bucket.resolution, Instant.ofEpochMilli(bucket.startMs)));
			}
		}
	}

	/**
	 * How far (event time) the clock must advance until the first open window closes.
	 * @param graceMs grace period
	 * @return milliseconds, {@link Long#MAX_VALUE} when no window is open
	 */
	public long untilNextCloseMs(long graceMs) {
		long next = Long.MAX_VALUE;
		for (Bucket bucket : this.open) {
			next = Math.min(next, bucket.startMs + bucket.resolution.duration().toMillis() + graceMs);
		}
		return (next == Long.MAX_VALUE) ? Long.MAX_VALUE : Math.max(0, next - this.clockMs);
	}

	/**
	 * The rollup clock.
	 * @return the newest event time counted (epoch ms), {@link Long#MIN_VALUE} before the
	 * first event
	 */
	public long clockMs() {
		return this.clockMs;
	}

	/**
	 * Whether no window is open.
	 * @return true if none
	 */
	public boolean isEmpty() {
		return this.open.isEmpty();
	}

	/**
	 * Writes the binary form (read by {@link #read}).
	 * @param out where to
	 * @param compact the compact form of device-memory format 4 (a name table of the
	 * tenant and metric names, then the windows with short numbers); otherwise the form
	 * of formats 2 and 3
	 * @throws IOException from the stream
	 */
	public void write(DataOutput out, boolean compact) throws IOException {
		if (!compact) {
			out.writeLong(this.clockMs);
			out.writeByte(this.closedUntilMs.length);
			for (long closed : this.closedUntilMs) {
				out.writeLong(closed);
			}
			out.writeShort(this.open.size());
			for (Bucket bucket : this.open) {
				out.writeByte(bucket.resolution.ordinal());
				out.writeLong(bucket.startMs);
				RollupAccumulatorCodec.writeBody(out, bucket.accumulator);
			}
			return;
		}
		Compact.writeVarLong(out, this.clockMs);
		Compact.writeSize(out, this.closedUntilMs.length);
		for (long closed : this.closedUntilMs) {
			Compact.writeVarLong(out, closed);
		}
		List<String> names = new ArrayList<>(16);
		for (Bucket bucket : this.open) {
			if (bucket.accumulator.tenantId != null) {
				addName(names, bucket.accumulator.tenantId);
			}
			for (String metric : bucket.accumulator.metrics.keySet()) {
				addName(names, metric);
			}
		}
		Compact.writeSize(out, names.size());
		for (String name : names) {
			Compact.writeString(out, name);
		}
		// A window's encoding refers to the name table: it is reused as long as neither
		// the window nor the table changed (an event changes one window per resolution of
		// the three to five open ones).
		boolean sameNames = names.equals(this.encodedNames);
		ByteArrayDataOutput bytes = (out instanceof ByteArrayDataOutput array) ? array : null;
		Compact.writeSize(out, this.open.size());
		for (Bucket bucket : this.open) {
			out.writeByte(bucket.resolution.ordinal());
			Compact.writeVarLong(out, bucket.startMs);
			if (sameNames && bucket.encoded != null) {
				out.write(bucket.encoded);
			}
			else if (bytes != null) {
				int from = bytes.size();
				RollupAccumulatorCodec.writeCompact(out, bucket.accumulator, names);
				bucket.encoded = bytes.copyFrom(from);
			}
			else {
				RollupAccumulatorCodec.writeCompact(out, bucket.accumulator, names);
				bucket.encoded = null;
			}
		}
		this.encodedNames = names;
	}

	private static void addName(List<String> names, String name) {
		for (String known : names) {
			if (known == name || known.equals(name)) {
				return;
			}
		}
		names.add(name);
	}

	/**
	 * Reads the binary form written by {@link #write}.
	 * @param in where from
	 * @param compact whether it is the compact form
	 * @return the buckets
	 * @throws IOException from the stream or a malformed value
	 */
	public static RollupBuckets read(DataInput in, boolean compact) throws IOException {
		RollupBuckets buckets = new RollupBuckets();
		buckets.clockMs = compact ? Compact.readVarLong(in) : in.readLong();
		int resolutions = compact ? Compact.readSize(in) : in.readByte();
		for (int i = 0; i < resolutions; i++) {
			long closed = compact ? Compact.readVarLong(in) : in.readLong();
			if (i < buckets.closedUntilMs.length) {
				buckets.closedUntilMs[i] = closed;
			}
		}
		List<String> names = List.of();
		if (compact) {
			int count = Compact.readSize(in);
			names = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				names.add(Compact.readString(in));
			}
		}
		ByteArrayDataInput bytes = (compact && in instanceof ByteArrayDataInput array) ? array : null;
		int open = compact ? Compact.readSize(in) : in.readShort();
		for (int i = 0; i < open; i++) {
			Resolution resolution = RESOLUTIONS[in.readByte()];
			long start = compact ? Compact.readVarLong(in) : in.readLong();
			int from = (bytes != null) ? bytes.position() : 0;
			Bucket bucket = new Bucket(resolution, start,
					compact ? RollupAccumulatorCodec.readCompact(in, names) : RollupAccumulatorCodec.readBody(in));
			if (bytes != null) {
				// the bytes just read are this window's encoding against the table read
				bucket.encoded = bytes.copyFrom(from);
			}
			buckets.open.add(bucket);
		}
		if (bytes != null) {
			buckets.encodedNames = names;
		}
		return buckets;
	}

	/** An open window. */
	private static final class Bucket {

		final Resolution resolution;

		final long startMs;

		final RollupAccumulator accumulator;

		/**
		 * The compact encoding of the accumulator against {@link #encodedNames}, or null
		 * once the accumulator changed.
		 */
		byte[] encoded;

		Bucket(Resolution resolution, long startMs, RollupAccumulator accumulator) {
			this.resolution = resolution;
			this.startMs = startMs;
			this.accumulator = accumulator;
		}

	}

}
