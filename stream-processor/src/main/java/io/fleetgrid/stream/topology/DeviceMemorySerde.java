package io.fleetgrid.stream.topology;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.detect.DeviceMemory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code device-memory} store's value format, read and written with every event: the
 * bulky, regular parts (the recent event identities and the route of the trip in
 * progress) in binary, the rest (alerts with their details, detector state) as JSON. The
 * first byte is a format version; a value that starts with <code>{</code> is the all-JSON
 * form of earlier versions, so existing changelogs restore after an upgrade.
 *
 * <pre>
 * version (1) | recent count (int) | recent (long…) | route count (int, -1 = no trip)
 *             | route (lat, lon double…) | JSON of the rest
 * </pre>
 */
public final class DeviceMemorySerde implements Serde<DeviceMemory> {

	private static final byte VERSION = 1;

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
			ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + recent.size() * 8 + 4 + routeSize * 16 + json.length);
			buffer.put(VERSION);
			buffer.putInt(recent.size());
			for (Long identity : recent) {
				buffer.putLong(identity);
			}
			buffer.putInt((route != null) ? routeSize : -1);
			for (int i = 0; i < routeSize; i++) {
				GeoPoint point = route.get(i);
				buffer.putDouble(point.lat());
				buffer.putDouble(point.lon());
			}
			buffer.put(json);
			return buffer.array();
		}
		catch (JacksonException ex) {
			throw new SerializationException("cannot write DeviceMemory: " + ex.getMessage(), ex);
		}
	}

	static DeviceMemory read(byte[] bytes) {
		try {
			if (bytes.length > 0 && bytes[0] == '{') {
				return LEGACY.readValue(bytes, DeviceMemory.class);
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			byte version = buffer.get();
			if (version != VERSION) {
				throw new SerializationException("unknown DeviceMemory format " + version);
			}
			int recentSize = buffer.getInt();
			List<Long> recent = new ArrayList<>(recentSize + 1);
			for (int i = 0; i < recentSize; i++) {
				recent.add(buffer.getLong());
			}
			int routeSize = buffer.getInt();
			List<GeoPoint> route = null;
			if (routeSize >= 0) {
				route = new ArrayList<>(routeSize + 1);
				for (int i = 0; i < routeSize; i++) {
					route.add(new GeoPoint(buffer.getDouble(), buffer.getDouble()));
				}
			}
			DeviceMemory memory = REST.readValue(bytes, buffer.position(), buffer.remaining(), DeviceMemory.class);
			memory.recent = recent;
			if (memory.trip != null && route != null) {
				memory.trip.route = route;
			}
			return memory;
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// JacksonException included (unchecked in Jackson 3), and buffer underflows
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
