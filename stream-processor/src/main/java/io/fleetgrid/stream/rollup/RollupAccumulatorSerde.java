package io.fleetgrid.stream.rollup;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.Rollup.MetricStats;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link RollupAccumulator} for the window stores and their
 * changelogs (read and written twice per event, once per resolution, so JSON was a large
 * part of the cost per event). The first byte is a format version; a value that starts
 * with <code>{</code> is the JSON of earlier versions and is read with {@code legacy}, so
 * existing changelogs restore after an upgrade.
 */
public final class RollupAccumulatorSerde implements Serde<RollupAccumulator> {

	private static final byte VERSION = 1;

	private final Deserializer<RollupAccumulator> legacy;

	/**
	 * A serde.
	 * @param legacy reads values written as JSON by earlier versions
	 */
	public RollupAccumulatorSerde(Deserializer<RollupAccumulator> legacy) {
		this.legacy = legacy;
	}

	@Override
	public Serializer<RollupAccumulator> serializer() {
		return (topic, value) -> (value != null) ? write(value) : null;
	}

	@Override
	public Deserializer<RollupAccumulator> deserializer() {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			if (bytes.length > 0 && bytes[0] == '{') {
				return this.legacy.deserialize(topic, bytes);
			}
			return read(bytes);
		};
	}

	static byte[] write(RollupAccumulator value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			writeBody(out, value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Writes an accumulator without the version byte (also part of the device memory).
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

	static RollupAccumulator read(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
			byte version = in.readByte();
			if (version != VERSION) {
				throw new SerializationException("unknown RollupAccumulator format " + version);
			}
			return readBody(in);
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("cannot read RollupAccumulator: " + ex.getMessage(), ex);
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
