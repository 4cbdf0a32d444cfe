package io.fleetgrid.stream.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.stream.codec.Compact;
import io.fleetgrid.stream.codec.FullWidth;
import io.fleetgrid.contracts.event.Rollup.MetricStats;
import io.fleetgrid.stream.rollup.RollupAccumulator.Stats;

/**
 * Binary forms of {@link RollupAccumulator}: the open rollup windows are part of the
 * device memory ({@link RollupBuckets#write}), written with every event, so JSON would be
 * a large part of the cost per event. The forms of device-memory formats 2 to 4 also held
 * each window's newest position and PV sample, which the device's windows now share
 * ({@link LastPoints}).
 */
final class RollupAccumulatorCodec {

	private RollupAccumulatorCodec() {
	}

	/**
	 * Where the newest position and PV sample of a window read in an earlier form go.
	 */
	interface LastPoints {

		/**
		 * A window's newest position and PV sample, as earlier forms kept them.
		 * @param position newest position, or null
		 * @param positionTs its event time, or null
		 * @param pvW newest PV power, or null
		 * @param pvTs its event time, or null
		 */
		void seen(GeoPoint position, Instant positionTs, Double pvW, Instant pvTs);

	}

	/**
	 * Writes an accumulator in the full-width form of device-memory formats 2 and 3.
	 * @param out where to
	 * @param value the accumulator
	 * @param position the device's newest position, or null
	 * @param positionTs its event time, or null
	 * @param pvW the device's newest PV power, or null
	 * @param pvTs its event time, or null
	 * @throws IOException from the stream
	 */
	static void writeBody(DataOutput out, RollupAccumulator value, GeoPoint position, Instant positionTs, Double pvW,
			Instant pvTs) throws IOException {
		writeString(out, value.tenantId);
		out.writeLong(value.count);
		out.writeDouble(value.speedSum);
		out.writeLong(value.speedCount);
		FullWidth.writeDouble(out, value.maxSpeedKph);
		out.writeDouble(value.distanceM);
		out.writeBoolean(value.positioned);
		FullWidth.writePoint(out, position);
		FullWidth.writeInstant(out, positionTs);
		FullWidth.writeDouble(out, value.pvEnergyWh);
		FullWidth.writeDouble(out, pvW);
		FullWidth.writeInstant(out, pvTs);
		FullWidth.writeDouble(out, value.minSocPct);
		FullWidth.writeDouble(out, value.maxCoolantC);
		FullWidth.writeDouble(out, value.maxInverterC);
		FullWidth.writeInstant(out, value.lastTs);
		out.writeInt(value.metrics.size());
		for (Map.Entry<String, Stats> entry : value.metrics.entrySet()) {
			out.writeUTF(entry.getKey());
			Stats stats = entry.getValue();
			out.writeLong(stats.count);
			out.writeDouble(stats.min);
			out.writeDouble(stats.max);
			out.writeDouble(stats.sum);
			out.writeDouble(stats.last);
		}
	}

	/**
	 * Reads an accumulator written by {@link #writeBody}.
	 * @param in where from
	 * @param last receives the window's newest position and PV sample
	 * @return the accumulator
	 * @throws IOException from the stream
	 */
	static RollupAccumulator readBody(DataInput in, LastPoints last) throws IOException {
		RollupAccumulator value = new RollupAccumulator();
		value.tenantId = readString(in);
		value.count = in.readLong();
		value.speedSum = in.readDouble();
		value.speedCount = in.readLong();
		value.maxSpeedKph = FullWidth.readDouble(in);
		value.distanceM = in.readDouble();
		value.positioned = in.readBoolean();
		GeoPoint position = FullWidth.readPoint(in);
		Instant positionTs = FullWidth.readInstant(in);
		value.pvEnergyWh = FullWidth.readDouble(in);
		Double pvW = FullWidth.readDouble(in);
		Instant pvTs = FullWidth.readInstant(in);
		value.minSocPct = FullWidth.readDouble(in);
		value.maxCoolantC = FullWidth.readDouble(in);
		value.maxInverterC = FullWidth.readDouble(in);
		value.lastTs = FullWidth.readInstant(in);
		int metrics = in.readInt();
		for (int i = 0; i < metrics; i++) {
			value.metrics.put(in.readUTF(),
					stats(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
		}
		last.seen(position, positionTs, pvW, pvTs);
		return value;
	}

	/**
	 * Reads an accumulator in the compact form of device-memory format 4: as
	 * {@link #readFramed} with the window's newest position and PV sample after
	 * {@code positioned} and after the energy.
	 * @param in where from
	 * @param names the name table
	 * @param last receives the window's newest position and PV sample
	 * @return the accumulator
	 * @throws IOException from the stream, or an index outside the table
	 */
	static RollupAccumulator readCompact(DataInput in, List<String> names, LastPoints last) throws IOException {
		RollupAccumulator value = readHead(in, names);
		GeoPoint position = Compact.readPoint(in);
		Instant positionTs = Compact.readInstant(in);
		value.pvEnergyWh = Compact.readNullableDouble(in);
		Double pvW = Compact.readNullableDouble(in);
		Instant pvTs = Compact.readInstant(in);
		readRest(in, names, value);
		last.seen(position, positionTs, pvW, pvTs);
		return value;
	}

	/**
	 * Writes an accumulator in the compact form of device-memory format 5: numbers and
	 * instants short ({@link Compact}), the tenant and metric names as indexes into the
	 * name table of the windows ({@link RollupBuckets#write}).
	 * @param out where to
	 * @param value the accumulator
	 * @param names index of every name in the table
	 * @throws IOException from the stream
	 */
	static void writeFramed(DataOutput out, RollupAccumulator value, List<String> names) throws IOException {
		Compact.writeVarInt(out, (value.tenantId != null) ? indexOf(names, value.tenantId) : -1);
		Compact.writeVarLong(out, value.count);
		Compact.writeDouble(out, value.speedSum);
		Compact.writeVarLong(out, value.speedCount);
		Compact.writeDouble(out, value.maxSpeedKph);
		Compact.writeDouble(out, value.distanceM);
		out.writeBoolean(value.positioned);
		Compact.writeDouble(out, value.pvEnergyWh);
		Compact.writeDouble(out, value.minSocPct);
		Compact.writeDouble(out, value.maxCoolantC);
		Compact.writeDouble(out, value.maxInverterC);
		Compact.writeInstant(out, value.lastTs);
		Compact.writeSize(out, value.metrics.size());
		for (Map.Entry<String, Stats> entry : value.metrics.entrySet()) {
			Compact.writeSize(out, indexOf(names, entry.getKey()));
			Stats stats = entry.getValue();
			Compact.writeVarLong(out, stats.count);
			Compact.writeDouble(out, stats.min);
			Compact.writeDouble(out, stats.max);
			Compact.writeDouble(out, stats.sum);
			Compact.writeDouble(out, stats.last);
		}
	}

	/**
	 * Reads an accumulator written by {@link #writeFramed}.
	 * @param in where from
	 * @param names the name table
	 * @return the accumulator
	 * @throws IOException from the stream, or an index outside the table
	 */
	static RollupAccumulator readFramed(DataInput in, List<String> names) throws IOException {
		RollupAccumulator value = readHead(in, names);
		value.pvEnergyWh = Compact.readNullableDouble(in);
		readRest(in, names, value);
		return value;
	}

	/** The fields up to {@code positioned}, the same in formats 4 and 5. */
	private static RollupAccumulator readHead(DataInput in, List<String> names) throws IOException {
		RollupAccumulator value = new RollupAccumulator();
		int tenant = Compact.readVarInt(in);
		value.tenantId = (tenant >= 0) ? name(names, tenant) : null;
		value.count = Compact.readVarLong(in);
		value.speedSum = Compact.readDouble(in);
		value.speedCount = Compact.readVarLong(in);
		value.maxSpeedKph = Compact.readNullableDouble(in);
		value.distanceM = Compact.readDouble(in);
		value.positioned = in.readBoolean();
		return value;
	}

	/** The fields from {@code minSocPct} on, the same in formats 4 and 5. */
	private static void readRest(DataInput in, List<String> names, RollupAccumulator value) throws IOException {
		value.minSocPct = Compact.readNullableDouble(in);
		value.maxCoolantC = Compact.readNullableDouble(in);
		value.maxInverterC = Compact.readNullableDouble(in);
		value.lastTs = Compact.readInstant(in);
		int metrics = Compact.readSize(in);
		for (int i = 0; i < metrics; i++) {
			String name = name(names, Compact.readSize(in));
			value.metrics.put(name, stats(Compact.readVarLong(in), Compact.readDouble(in), Compact.readDouble(in),
					Compact.readDouble(in), Compact.readDouble(in)));
		}
	}

	/**
	 * Statistics as read, checked as the rollup's would be (a malformed value fails here,
	 * not when its window closes).
	 */
	private static Stats stats(long count, double min, double max, double sum, double last) {
		new MetricStats(count, min, max, sum, last);
		return new Stats(count, min, max, sum, last);
	}

	/**
	 * The index of a name in the table (a handful of names: a scan, most of them found by
	 * identity, costs less than a map).
	 */
	static int indexOf(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i) == name) {
				return i;
			}
		}
		int index = names.indexOf(name);
		if (index < 0) {
			throw new IllegalStateException("name " + name + " is not in the table");
		}
		return index;
	}

	private static String name(List<String> names, int index) throws IOException {
		if (index >= names.size()) {
			throw new IOException("name " + index + " outside the table of " + names.size());
		}
		return names.get(index);
	}

	private static void writeString(DataOutput out, String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static String readString(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}
