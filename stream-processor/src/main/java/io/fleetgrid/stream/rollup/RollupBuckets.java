package io.fleetgrid.stream.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

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
 * A window is kept as an object ({@link RollupAccumulator}), as its encoding, or both. A
 * window read back from the store stays bytes until an event or its closing needs it, and
 * a window that ended (the clock passed its end) keeps only its encoding once written: of
 * the three to five open windows, an event changes one per resolution, and most of the
 * others only wait out the grace period. So reading a memory decodes none of them,
 * writing it encodes only the changed ones, and a memory kept as an object (the memory
 * mirror) holds the waiting windows as a few hundred bytes instead of a few thousand.
 * <p>
 * Mutable, like the device memory that holds it; never shared between threads.
 */
public final class RollupBuckets {

	/**
	 * Names the table may hold beyond those of the windows kept as objects before it is
	 * rebuilt (which decodes every window): while windows kept as encodings refer to it,
	 * the table only grows, so that their encodings stay valid.
	 */
	static final int MAX_UNUSED_NAMES = 16;

	private static final Resolution[] RESOLUTIONS = Resolution.values();

	private static final long NONE = Long.MIN_VALUE;

	/** Where a window is encoded before its length is written. */
	private static final ThreadLocal<ByteArrayDataOutput> SCRATCH = ThreadLocal
		.withInitial(() -> new ByteArrayDataOutput(256));

	/** Newest event time (epoch ms) counted, {@link #NONE} before the first. */
	private long clockMs = NONE;

	/**
	 * Per resolution: end (epoch ms) of the newest closed window, {@link #NONE} if none.
	 */
	private final long[] closedUntilMs = new long[RESOLUTIONS.length];

	/** Open windows, ordered by resolution, then start. */
	private final List<Bucket> open = new ArrayList<>(6);

	/**
	 * The name table that the encodings of the windows ({@link Bucket#encoded}) refer to:
	 * each uses indexes below the size the table had when it was encoded, and the table
	 * only changes at these indexes when every window is an object.
	 */
	private List<String> encodedNames = List.of();

	/**
	 * No window open or closed yet.
	 */
	public RollupBuckets() {
		Arrays.fill(this.closedUntilMs, NONE);
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
				accumulator(bucket).add(sample);
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
		Bucket created = new Bucket(resolution, startMs, new RollupAccumulator(), null);
		this.open.add(index, created);
		return created;
	}

	/**
	 * A window's accumulator, decoded from its encoding if it has none (and kept).
	 */
	private RollupAccumulator accumulator(Bucket bucket) {
		if (bucket.accumulator == null) {
			bucket.accumulator = decode(bucket);
		}
		return bucket.accumulator;
	}

	private RollupAccumulator decode(Bucket bucket) {
		try {
			ByteArrayDataInput in = new ByteArrayDataInput(bucket.encoded);
			RollupAccumulator accumulator = RollupAccumulatorCodec.readCompact(in, this.encodedNames);
			if (in.position() != bucket.encoded.length) {
				throw new IOException((bucket.encoded.length - in.position()) + " bytes after the window");
			}
			return accumulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("malformed " + bucket.resolution + " rollup window at "
					+ Instant.ofEpochMilli(bucket.startMs) + ": " + ex.getMessage(), ex);
		}
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
			long end = bucket.endMs();
			if (end + graceMs <= timeMs) {
				Rollup rollup = accumulator(bucket).toRollup(deviceId, bucket.resolution,
						Instant.ofEpochMilli(bucket.startMs));
				buckets.remove();
				int r = bucket.resolution.ordinal();
				this.closedUntilMs[r] = Math.max(this.closedUntilMs[r], end);
				out.add(rollup);
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
			next = Math.min(next, bucket.endMs() + graceMs);
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
	 * How many open windows are kept as objects (the others only as their encoding).
	 * @return the count
	 */
	int decodedWindows() {
		int decoded = 0;
		for (Bucket bucket : this.open) {
			if (bucket.accumulator != null) {
				decoded++;
			}
		}
		return decoded;
	}

	/**
	 * The name table the encodings refer to.
	 * @return the names
	 */
	List<String> nameTable() {
		return this.encodedNames;
	}

	/**
	 * The tenant and metric names the open windows use (decoding, without keeping, the
	 * windows kept as encodings).
	 * @return the names
	 */
	Set<String> usedNames() {
		Set<String> names = new HashSet<>();
		for (Bucket bucket : this.open) {
			RollupAccumulator accumulator = (bucket.accumulator != null) ? bucket.accumulator : decode(bucket);
			if (accumulator.tenantId != null) {
				names.add(accumulator.tenantId);
			}
			names.addAll(accumulator.metrics.keySet());
		}
		return names;
	}

	/**
	 * Writes the binary form (read by {@link #read}).
	 * @param out where to
	 * @param compact the form of device-memory format 5 ({@link Format#FRAMED});
	 * otherwise the form of formats 2 and 3 ({@link Format#FULL_WIDTH})
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
				RollupAccumulatorCodec.writeBody(out, accumulator(bucket));
			}
			return;
		}
		Compact.writeVarLong(out, this.clockMs);
		Compact.writeSize(out, this.closedUntilMs.length);
		for (long closed : this.closedUntilMs) {
			Compact.writeVarLong(out, closed);
		}
		List<String> names = table();
		Compact.writeSize(out, names.size());
		for (String name : names) {
			Compact.writeString(out, name);
		}
		// An encoding stays valid as long as the table keeps the names it refers to at
		// their indexes: reused unless the window changed.
		boolean encodingsValid = startsWith(names, this.encodedNames);
		Compact.writeSize(out, this.open.size());
		for (Bucket bucket : this.open) {
			out.writeByte(bucket.resolution.ordinal());
			Compact.writeVarLong(out, bucket.startMs);
			if (bucket.encoded == null || !encodingsValid) {
				// table() made every window an object unless the encodings stay valid
				ByteArrayDataOutput scratch = SCRATCH.get();
				scratch.reset();
				RollupAccumulatorCodec.writeCompact(scratch, bucket.accumulator, names);
				bucket.encoded = scratch.toByteArray();
			}
			Compact.writeSize(out, bucket.encoded.length);
			out.write(bucket.encoded);
		}
		this.encodedNames = names;
		for (Bucket bucket : this.open) {
			if (bucket.endMs() <= this.clockMs) {
				// ended: only a late event or its closing reads it again
				bucket.accumulator = null;
			}
		}
	}

	/**
	 * The name table to write: the names of the windows kept as objects when there are
	 * only such windows (rebuilt, so names no window uses any more go); otherwise the
	 * current table with new names appended, which keeps the encodings valid, unless that
	 * would hold more than {@value #MAX_UNUSED_NAMES} names beyond those of the windows
	 * kept as objects: then every window is decoded and the table rebuilt.
	 */
	private List<String> table() {
		List<String> live = new ArrayList<>(16);
		boolean encodedOnly = false;
		for (Bucket bucket : this.open) {
			if (bucket.accumulator != null) {
				addNames(live, bucket.accumulator);
			}
			else {
				encodedOnly = true;
			}
		}
		if (!encodedOnly) {
			return live;
		}
		List<String> names = this.encodedNames;
		for (String name : live) {
			if (!contains(names, name)) {
				if (names == this.encodedNames) {
					names = new ArrayList<>(this.encodedNames);
				}
				names.add(name);
			}
		}
		if (names.size() <= live.size() + MAX_UNUSED_NAMES) {
			return names;
		}
		live.clear();
		for (Bucket bucket : this.open) {
			addNames(live, accumulator(bucket));
		}
		return live;
	}

	private static void addNames(List<String> names, RollupAccumulator accumulator) {
		if (accumulator.tenantId != null && !contains(names, accumulator.tenantId)) {
			names.add(accumulator.tenantId);
		}
		for (String metric : accumulator.metrics.keySet()) {
			if (!contains(names, metric)) {
				names.add(metric);
			}
		}
	}

	private static boolean contains(List<String> names, String name) {
		for (String known : names) {
			if (known == name || known.equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(List<String> names, List<String> prefix) {
		if (names == prefix) {
			return true;
		}
		if (names.size() < prefix.size()) {
			return false;
		}
		for (int i = 0; i < prefix.size(); i++) {
			String name = names.get(i);
			String expected = prefix.get(i);
			if (name != expected && !name.equals(expected)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the binary form written by {@link #write} (or by earlier versions).
	 * @param in where from
	 * @param format the form
	 * @return the buckets
	 * @throws IOException from the stream or a malformed value
	 */
	public static RollupBuckets read(DataInput in, Format format) throws IOException {
		boolean compact = format != Format.FULL_WIDTH;
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
		int open = compact ? Compact.readSize(in) : in.readShort();
		for (int i = 0; i < open; i++) {
			Resolution resolution = resolution(in.readByte());
			long start = compact ? Compact.readVarLong(in) : in.readLong();
			Bucket bucket = switch (format) {
				case FRAMED -> {
					byte[] encoded = new byte[Compact.readSize(in)];
					in.readFully(encoded);
					yield new Bucket(resolution, start, null, encoded);
				}
				case COMPACT -> new Bucket(resolution, start, RollupAccumulatorCodec.readCompact(in, names), null);
				case FULL_WIDTH -> new Bucket(resolution, start, RollupAccumulatorCodec.readBody(in), null);
			};
			buckets.open.add(bucket);
		}
		buckets.encodedNames = names;
		return buckets;
	}

	private static Resolution resolution(int ordinal) throws IOException {
		if (ordinal < 0 || ordinal >= RESOLUTIONS.length) {
			throw new IOException("unknown rollup resolution " + ordinal);
		}
		return RESOLUTIONS[ordinal];
	}

	/** The binary forms of the windows, by device-memory format. */
	public enum Format {

		/** Device-memory formats 2 and 3: every number in full width. */
		FULL_WIDTH,

		/**
		 * Device-memory format 4: short numbers, a name table, then the windows one after
		 * the other (read only).
		 */
		COMPACT,

		/**
		 * Device-memory format 5: as format 4 with each window's length before it, so
		 * that a window is read back without being decoded.
		 */
		FRAMED

	}

	/** An open window: its accumulator, its encoding, or both. */
	private static final class Bucket {

		final Resolution resolution;

		final long startMs;

		/** The window as an object, or null while only its encoding is kept. */
		RollupAccumulator accumulator;

		/**
		 * The compact encoding of the accumulator against the table
		 * ({@link #encodedNames}), or null once the accumulator changed.
		 */
		byte[] encoded;

		Bucket(Resolution resolution, long startMs, RollupAccumulator accumulator, byte[] encoded) {
			this.resolution = resolution;
			this.startMs = startMs;
			this.accumulator = accumulator;
			this.encoded = encoded;
		}

		long endMs() {
			return this.startMs + this.resolution.duration().toMillis();
		}

	}

}
