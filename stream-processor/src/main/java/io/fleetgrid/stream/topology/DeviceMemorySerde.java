package io.fleetgrid.stream.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.rollup.RollupBuckets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code device-memory} store's value format, read and written with every event: the
 * bulky, regular parts (the recent event identities, the route of the trip in progress
 * and the open rollup windows) in binary, the rest (alerts with their details, detector
 * state) as JSON. The first byte is a format version; a value that starts with
 * <code>{</code> is the all-JSON form of earlier versions, so existing changelogs restore
 * after an upgrade.
 *
 * <pre>
 * version (2) | recent count (int) | recent (long…) | route count (int, -1 = no trip)
 *             | route (lat, lon double…) | rollup windows ({@link RollupBuckets#write})
 *             | JSON of the rest
 * </pre>
 *
 * Version 1 had no rollup windows (they were window stores then).
 */
public final class DeviceMemorySerde implements Serde<DeviceMemory> {

	private static final byte VERSION = 2;

	/** Version 1: as version 2 without the rollup windows (they were window stores). */
	private static final byte VERSION_WITHOUT_ROLLUPS = 1;

	private static final JsonMapper LEGACY = JsonSerdes.mapper();

	/** The contracts' mapper without the two fields that are written in binary. */
	private static final JsonMapper REST = JsonSerdes.mapper()
		.rebuild()
		.addMixIn(DeviceMemory.class, WithoutRecent.class)
		.addMixIn(DeviceMemory.TripProgress.class, WithoutRoute.class)
		.build();

	@Override
	public Serializer<DeviceMemory> serializer() {
		return (topic, value) -> (value != null) ? write(value) : null;
	}

	@Override
	public Deserializer<DeviceMemory> deserializer() {
		return (topic, bytes) -> (bytes != null) ? read(bytes) : null;
	}

	static byte[] write(DeviceMemory memory) {
		try {
			byte[] json = REST.writeValueAsBytes(memory);
			List<Long> recent = memory.recent;
			List<GeoPoint> route = (memory.trip != null) ? memory.trip.route : null;
			int routeSize = (route != null) ? route.size() : 0;
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(
					1 + 4 + recent.size() * 8 + 4 + routeSize * 16 + 512 + json.length);
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeByte(VERSION);
			out.writeInt(recent.size());
			for (Long identity : recent) {
				out.writeLong(identity);
			}
			out.writeInt((route != null) ? routeSize : -1);
			for (int i = 0; i < routeSize; i++) {
				GeoPoint point = route.get(i);
				out.writeDouble(point.lat());
				out.writeDouble(point.lon());
			}
			memory.rollups.write(out);
			out.write(json);
			out.flush();
			return bytes.toByteArray();
		}
		catch (JacksonException ex) {
			throw new SerializationException("cannot write DeviceMemory: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DeviceMemory read(byte[] bytes) {
		try {
			if (bytes.length > 0 && bytes[0] == '{') {
				return LEGACY.readValue(bytes, DeviceMemory.class);
			}
			ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
			DataInputStream in = new DataInputStream(stream);
			byte version = in.readByte();
			if (version != VERSION && version != VERSION_WITHOUT_ROLLUPS) {
				throw new SerializationException("unknown DeviceMemory format " + version);
			}
			int recentSize = in.readInt();
			List<Long> recent = new ArrayList<>(recentSize + 1);
			for (int i = 0; i < recentSize; i++) {
				recent.add(in.readLong());
			}
			int routeSize = in.readInt();
			List<GeoPoint> route = null;
			if (routeSize >= 0) {
				route = new ArrayList<>(routeSize + 1);
				for (int i = 0; i < routeSize; i++) {
					route.add(new GeoPoint(in.readDouble(), in.readDouble()));
				}
			}
			RollupBuckets rollups = (version == VERSION) ? RollupBuckets.read(in) : new RollupBuckets();
			int rest = stream.available();
			DeviceMemory memory = REST.readValue(bytes, bytes.length - rest, rest, DeviceMemory.class);
			memory.recent = recent;
			memory.rollups = rollups;
			if (memory.trip != null && route != null) {
				memory.trip.route = route;
			}
			return memory;
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// JacksonException included (unchecked in Jackson 3), and truncated values
			throw new SerializationException("cannot read DeviceMemory: " + ex.getMessage(), ex);
		}
	}

	/** Jackson mix-in: {@link DeviceMemory#recent} is written in binary. */
	abstract static class WithoutRecent {

		@JsonIgnore
		public List<Long> recent;

	}

	/** Jackson mix-in: {@link DeviceMemory.TripProgress#route} is written in binary. */
	abstract static class WithoutRoute {

		@JsonIgnore
		public List<GeoPoint> route;

	}

}
