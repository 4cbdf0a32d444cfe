package io.fleetgrid.stream.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Rollup.Resolution;
import io.fleetgrid.contracts.event.TelemetryEvent;
import io.fleetgrid.stream.codec.ByteArrayDataInput;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import io.fleetgrid.stream.codec.Compact;
import io.fleetgrid.stream.geo.Geo;

/**
 * The open rollup windows of one device (part of its device memory): per resolution the
 * event-time tumbling windows that may still receive events. A window closes, and its
 * {@link Rollup} is emitted once, when the device's rollup clock (the newest event time
 * it counted) passes window end + grace; the offline punctuation closes the windows of a
 * silent device with the clock extrapolated by the wall-clock time since its last event.
 * An event for a window that closed already is not counted (late beyond grace).
 * <p>
 * Events are counted in their minute window; an hour window is the sum of its minute
 * windows, each added when it closes ({@link RollupAccumulator#merge}), plus the events
 * that came too late for their minute but not for their hour. So an event changes one
 * window, not two. Distance and PV energy are those of the segments from the device's
 * previous position and PV sample (kept here, across windows) that end in the window: a
 * segment that crosses a window boundary counts in the window where it ends. Segments
 * longer than {@value #MAX_DISTANCE_GAP_S} s (distance) or {@value #MAX_ENERGY_GAP_S} s
 * (energy) are not counted (the device was off or out of coverage), nor are those of a
 * late point.
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

	/** Longest gap between two positions whose distance is counted. */
	static final long MAX_DISTANCE_GAP_S = 3600;

	/** Longest gap between two PV samples that is integrated. */
	static final long MAX_ENERGY_GAP_S = 900;

	/** In the framed form, the resolution byte of a window that counts events itself. */
	private static final int DIRECT = 0x80;

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

	/** The device's newest position counted, or null. */
	private GeoPoint position;

	/** Its event time (epoch ms), {@link #NONE} if none. */
	private long positionTs = NONE;

	/** The device's newest PV power counted (W). */
	private double pvW;

	/** Its event time (epoch ms), {@link #NONE} if none. */
	private long pvTs = NONE;

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
	 * Counts an event in its minute window, or if that closed already, in its hour
	 * window.
	 * @param event the event
	 * @param graceMs how long after its end (event time) a window still takes events
	 * @return for how many resolutions the event came too late (its window closed)
	 */
	public int add(TelemetryEvent event, long graceMs) {
		long ts = event.ts().toEpochMilli();
		if (ts > this.clockMs) {
			this.clockMs = ts;
		}
		long minuteStart = start(Resolution.MINUTE, ts);
		long hourStart = start(Resolution.HOUR, ts);
		boolean minuteOpen = open(Resolution.MINUTE, minuteStart, graceMs);
		boolean hourOpen = open(Resolution.HOUR, hourStart, graceMs);
		if (!minuteOpen && !hourOpen) {
			return 2;
		}
		RollupAccumulator.Sample sample = new RollupAccumulator.Sample(event);
		follow(sample, ts);
		if (minuteOpen) {
			add(bucket(Resolution.MINUTE, minuteStart), sample);
		}
		if (hourOpen) {
			Bucket hour = minuteOpen ? find(Resolution.HOUR, hourStart) : bucket(Resolution.HOUR, hourStart);
			if (hour != null && (!minuteOpen || hour.direct)) {
				add(hour, sample);
			}
		}
		return (minuteOpen ? 0 : 1) + (hourOpen ? 0 : 1);
	}

	private static long start(Resolution resolution, long ts) {
		long size = resolution.duration().toMillis();
		return Math.floorDiv(ts, size) * size;
	}

	/** Whether the window that starts there still takes events. */
	private boolean open(Resolution resolution, long startMs, long graceMs) {
		long end = startMs + resolution.duration().toMillis();
		return end + graceMs > this.clockMs && end > this.closedUntilMs[resolution.ordinal()];
	}

	/**
	 * Gives the sample the segments from the device's previous position and PV sample, if
	 * it is newer, and makes it the newest.
	 */
	private void follow(RollupAccumulator.Sample sample, long ts) {
		if (sample.position != null && ts > this.positionTs) {
			if (this.position != null && ts - this.positionTs <= MAX_DISTANCE_GAP_S * 1000) {
				sample.segmentM = Geo.distanceM(this.position, sample.position);
			}
			this.position = sample.position;
			this.positionTs = ts;
		}
		double power = sample.pvPowerW;
		if (!Double.isNaN(power) && ts > this.pvTs) {
			if (this.pvTs != NONE && ts - this.pvTs <= MAX_ENERGY_GAP_S * 1000) {
				double hours = (ts - this.pvTs) / 3_600_000.0;
				sample.energyWh = (this.pvW + power) / 2 * hours;
			}
			this.pvW = power;
			this.pvTs = ts;
		}
	}

	private void add(Bucket bucket, RollupAccumulator.Sample sample) {
		accumulator(bucket).add(sample);
		bucket.encoded = null;
	}

	/** The open window, or null if there is none. */
	private Bucket find(Resolution resolution, long startMs) {
		int index = search(resolution, startMs);
		return (index >= 0) ? this.open.get(index) : null;
	}

	/** The open window, opened (empty) if there is none. */
	private Bucket bucket(Resolution resolution, long startMs) {
		int index = search(resolution, startMs);
		if (index >= 0) {
			return this.open.get(index);
		}
		Bucket created = new Bucket(resolution, startMs, new RollupAccumulator(), null);
		this.open.add(-index - 1, created);
		return created;
	}

	/**
	 * Where the window is in {@link #open}, or {@code -(insertion point) - 1} if it is
	 * not (as {@link java.util.Collections#binarySearch}; a handful of windows: a scan).
	 */
	private int search(Resolution resolution, long startMs) {
		for (int index = 0; index < this.open.size(); index++) {
			Bucket bucket = this.open.get(index);
			int order = Integer.compare(bucket.resolution.ordinal(), resolution.ordinal());
			if (order == 0) {
				order = Long.compare(bucket.startMs, startMs);
			}
			if (order == 0) {
				return index;
			}
			if (order > 0) {
				return -index - 1;
			}
		}
		return -this.open.size() - 1;
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
			RollupAccumulator accumulator = RollupAccumulatorCodec.readFramed(in, this.encodedNames);
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
		// by index: a minute that closes may open its hour, which comes after every
		// minute
		int i = 0;
		while (i < this.open.size()) {
			Bucket bucket = this.open.get(i);
			long end = bucket.endMs();
			if (end + graceMs > timeMs) {
				i++;
				continue;
			}
			RollupAccumulator accumulator = accumulator(bucket);
			Rollup rollup = accumulator.toRollup(deviceId, bucket.resolution, Instant.ofEpochMilli(bucket.startMs));
			this.open.remove(i);
			int r = bucket.resolution.ordinal();
			this.closedUntilMs[r] = Math.max(this.closedUntilMs[r], end);
			out.add(rollup);
			if (bucket.resolution == Resolution.MINUTE) {
				long hourStart = start(Resolution.HOUR, bucket.startMs);
				if (hourStart + Resolution.HOUR.duration().toMillis() > this.closedUntilMs[Resolution.HOUR.ordinal()]) {
					Bucket hour = bucket(Resolution.HOUR, hourStart);
					if (!hour.direct) {
						accumulator(hour).merge(accumulator);
						hour.encoded = null;
					}
				}
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
		List<String> names = new ArrayList<>();
		for (Bucket bucket : this.open) {
			addNames(names, (bucket.accumulator != null) ? bucket.accumulator : decode(bucket));
		}
		return new HashSet<>(names);
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
				RollupAccumulatorCodec.writeBody(out, accumulator(bucket), this.position, instant(this.positionTs),
						(this.pvTs != NONE) ? this.pvW : null, instant(this.pvTs));
			}
			return;
		}
		Compact.writeVarLong(out, this.clockMs);
		Compact.writeSize(out, this.closedUntilMs.length);
		for (long closed : this.closedUntilMs) {
			Compact.writeVarLong(out, closed);
		}
		// the newest position and PV sample, their times as milliseconds before the clock
		Compact.writeVarLong(out, (this.positionTs != NONE) ? this.clockMs - this.positionTs : -1);
		if (this.positionTs != NONE) {
			Compact.writeDouble(out, this.position.lat());
			Compact.writeDouble(out, this.position.lon());
		}
		Compact.writeVarLong(out, (this.pvTs != NONE) ? this.clockMs - this.pvTs : -1);
		if (this.pvTs != NONE) {
			Compact.writeDouble(out, this.pvW);
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
			out.writeByte(bucket.resolution.ordinal() | (bucket.direct ? DIRECT : 0));
			Compact.writeVarLong(out, bucket.startMs);
			if (bucket.encoded == null || !encodingsValid) {
				// table() made every window an object unless the encodings stay valid
				ByteArrayDataOutput scratch = SCRATCH.get();
				scratch.reset();
				RollupAccumulatorCodec.writeFramed(scratch, bucket.accumulator, names);
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
		if (format == Format.FRAMED) {
			long positionAge = Compact.readVarLong(in);
			if (positionAge >= 0) {
				buckets.position = new GeoPoint(Compact.readDouble(in), Compact.readDouble(in));
				buckets.positionTs = buckets.clockMs - positionAge;
			}
			long pvAge = Compact.readVarLong(in);
			if (pvAge >= 0) {
				buckets.pvW = Compact.readDouble(in);
				buckets.pvTs = buckets.clockMs - pvAge;
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
		RollupAccumulatorCodec.LastPoints last = buckets::seen;
		int open = compact ? Compact.readSize(in) : in.readShort();
		for (int i = 0; i < open; i++) {
			int tag = in.readByte() & 0xFF;
			Resolution resolution = resolution(tag & ~DIRECT);
			long start = compact ? Compact.readVarLong(in) : in.readLong();
			Bucket bucket = switch (format) {
				case FRAMED -> {
					byte[] encoded = new byte[Compact.readSize(in)];
					in.readFully(encoded);
					yield new Bucket(resolution, start, null, encoded);
				}
				case COMPACT ->
					new Bucket(resolution, start, RollupAccumulatorCodec.readCompact(in, names, last), null);
				case FULL_WIDTH -> new Bucket(resolution, start, RollupAccumulatorCodec.readBody(in, last), null);
			};
			// earlier formats counted every event in its hour window too
			bucket.direct = (format == Format.FRAMED) ? (tag & DIRECT) != 0 : resolution == Resolution.HOUR;
			buckets.open.add(bucket);
		}
		buckets.encodedNames = names;
		return buckets;
	}

	/** A window of an earlier format: its newest points may be the device's newest. */
	private void seen(GeoPoint position, Instant positionTs, Double pvW, Instant pvTs) {
		if (position != null && positionTs != null && positionTs.toEpochMilli() > this.positionTs) {
			this.position = position;
			this.positionTs = positionTs.toEpochMilli();
		}
		if (pvW != null && pvTs != null && pvTs.toEpochMilli() > this.pvTs) {
			this.pvW = pvW;
			this.pvTs = pvTs.toEpochMilli();
		}
	}

	private static Instant instant(long epochMs) {
		return (epochMs != NONE) ? Instant.ofEpochMilli(epochMs) : null;
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
		 * Device-memory format 5: the device's newest position and PV sample, then as
		 * format 4 with each window's length before it (so that a window is read back
		 * without being decoded) and without the window's own newest position and PV
		 * sample.
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
		 * Whether an hour window counts every event itself instead of adding up its
		 * minutes (a window of a format before 5, until it closes).
		 */
		boolean direct;

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
