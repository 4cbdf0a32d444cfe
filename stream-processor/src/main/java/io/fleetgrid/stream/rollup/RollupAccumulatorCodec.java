package io.fleetgrid.stream.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup.MetricStats;

/**
 * Binary form of {@link RollupAccumulator}: the open rollup windows are part of the
 * device memory ({@link RollupBuckets#write}), written with every event, so JSON would be
 * a large part of the cost per event.
 */
final class RollupAccumulatorCodec {

	private RollupAccumulatorCodec() {
	}

	/**
	 * Writes an accumulator.
	 * @param out where to
	 * @param value the accumulator
	 * @throws IOException from the stream
	 */
	static void writeBody(DataOutput out, RollupAccumulator value) throws IOException {
		writeString(out, value.tenantId);
		out.writeLong(value.count);
		out.writeDouble(value.speedSum);
		out.writeLong(value.speedCount);
		writeDouble(out, value.maxSpeedKph);
		out.writeDouble(value.distanceM);
		out.writeBoolean(value.positioned);
		writePoint(out, value.lastPosition);
		writeInstant(out, value.lastPositionTs);
		writeDouble(out, value.pvEnergyWh);
		writeDouble(out, value.lastPvW);
		writeInstant(out, value.lastPvTs);
		writeDouble(out, value.minSocPct);
		writeDouble(out, value.maxCoolantC);
		writeDouble(out, value.maxInverterC);
		writeInstant(out, value.lastTs);
		out.writeInt(value.metrics.size());
		for (Map.Entry<String, MetricStats> entry : value.metrics.entrySet()) {
			out.writeUTF(entry.getKey());
			MetricStats stats = entry.getValue();
			out.writeLong(stats.count());
			out.writeDouble(stats.min());
			out.writeDouble(stats.max());
			out.writeDouble(stats.sum());
			out.writeDouble(stats.last());
		}
	}

	/**
	 * Reads an accumulator written by {@link #writeBody}.
	 * @param in where from
	 * @return the accumulator
	 * @throws IOException from the stream
	 */
	static RollupAccumulator readBody(DataInput in) throws IOException {
		RollupAccumulator value = new RollupAccumulator();
		value.tenantId = readString(in);
		value.count = in.readLong();
		value.speedSum = in.readDouble();
		value.speedCount = in.readLong();
		value.maxSpeedKph = readDouble(in);
		value.distanceM = in.readDouble();
		value.positioned = in.readBoolean();
		value.lastPosition = readPoint(in);
		value.lastPositionTs = readInstant(in);
		value.pvEnergyWh = readDouble(in);
		value.lastPvW = readDouble(in);
		value.lastPvTs = readInstant(in);
		value.minSocPct = readDouble(in);
		value.maxCoolantC = readDouble(in);
		value.maxInverterC = readDouble(in);
		value.lastTs = readInstant(in);
		int metrics = in.readInt();
		for (int i = 0; i < metrics; i++) {
			value.metrics.put(in.readUTF(),
					new MetricStats(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
		}
		return value;
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

	private static void writeDouble(DataOutput out, Double value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeDouble(value);
		}
	}

	private static Double readDouble(DataInput in) throws IOException {
		return in.readBoolean() ? in.readDouble() : null;
	}

	private static void writeInstant(DataOutput out, Instant value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeLong(value.getEpochSecond());
			out.writeInt(value.getNano());
		}
	}

	private static Instant readInstant(DataInput in) throws IOException {
		return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
	}

	private static void writePoint(DataOutput out, GeoPoint value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeDouble(value.lat());
			out.writeDouble(value.lon());
		}
	}

	private static GeoPoint readPoint(DataInput in) throws IOException {
		return in.readBoolean() ? new GeoPoint(in.readDouble(), in.readDouble()) : null;
	}

}
