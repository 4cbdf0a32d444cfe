package io.fleetgrid.stream.topology;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AlertEvent.Acknowledgement;
import io.fleetgrid.contracts.event.AlertEvent.Severity;
import io.fleetgrid.contracts.event.AlertEvent.Status;
import io.fleetgrid.contracts.event.AlertType;
import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.serde.JsonSerdes;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.rollup.RollupBuckets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code device-memory} store's value format, read and written with every event: all
 * binary (no JSON since version 3, which halved the cost of the memory round trip). The
 * first byte is a format version. Earlier formats still read, so existing changelogs
 * restore after an upgrade: a value that starts with <code>{</code> is the all-JSON form
 * of the first versions; version 1 had the recent event identities and the route of the
 * trip in progress in binary and the rest as JSON, version 2 added the open rollup
 * windows (before them, window stores held the rollups).
 *
 * <pre>
 * 3 | recent (int count, long…) | last event (ts, seq, speed, speed ts, position)
 *   | metrics (tagged values) | active alerts (key, alert with tagged details…)
 *   | overspeed state | geofence states | DTC codes | odometer | production drop
 *   | trip in progress (with its route) | wall-clock marks | rollup windows
 * </pre> Nullable fields carry a presence byte; strings are length-prefixed UTF-8; alert
 * details and metrics use the tags of {@link BinaryFields}.
 */
public final class DeviceMemorySerde implements Serde<DeviceMemory> {

	private static final byte VERSION = 3;

	/**
	 * Version 2: recent, route and rollup windows in binary, the rest JSON (read only).
	 */
	private static final byte VERSION_WITH_JSON = 2;

	/** Version 1: as version 2 without the rollup windows (they were window stores). */
	private static final byte VERSION_WITHOUT_ROLLUPS = 1;

	private static final JsonMapper LEGACY = JsonSerdes.mapper();

	/** The contracts' mapper without the fields that versions 1 and 2 wrote in binary. */
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
		ByteArrayDataOutput out = ByteArrayDataOutput.forThread();
		try {
			out.writeByte(VERSION);
			out.writeInt(memory.recent.size());
			for (Long identity : memory.recent) {
				out.writeLong(identity);
			}
			BinaryFields.writeInstant(out, memory.lastTs);
			BinaryFields.writeLong(out, memory.lastSeq);
			BinaryFields.writeDouble(out, memory.lastSpeedKph);
			BinaryFields.writeInstant(out, memory.lastSpeedTs);
			BinaryFields.writePoint(out, memory.lastPosition);
			BinaryFields.writeMap(out, memory.metrics);
			out.writeInt(memory.alerts.size());
			for (Map.Entry<String, AlertEvent> entry : memory.alerts.entrySet()) {
				BinaryFields.writeString(out, entry.getKey());
				writeAlert(out, entry.getValue());
			}
			BinaryFields.writeInstant(out, memory.overspeedAboveSince);
			BinaryFields.writeDouble(out, memory.overspeedMaxKph);
			BinaryFields.writeInstant(out, memory.overspeedBelowSince);
			out.writeInt(memory.fences.size());
			for (Map.Entry<String, DeviceMemory.FenceState> entry : memory.fences.entrySet()) {
				BinaryFields.writeString(out, entry.getKey());
				DeviceMemory.FenceState fence = entry.getValue();
				out.writeBoolean(fence.inside);
				BinaryFields.writeInstant(out, fence.insideSince);
				out.writeInt(fence.pending);
				BinaryFields.writeInstant(out, fence.pendingSince);
			}
			BinaryFields.writeStrings(out, memory.dtcCodes);
			BinaryFields.writeDouble(out, memory.firstOdometerKm);
			BinaryFields.writeInstant(out, memory.firstOdometerTs);
			BinaryFields.writeInstant(out, memory.productionLowSince);
			writeTrip(out, memory.trip);
			out.writeLong(memory.lastProcessedMs);
			out.writeLong(memory.presenceWrittenMs);
			out.writeLong(memory.statePublishedMs);
			out.writeBoolean(memory.stateUnpublished);
			memory.rollups.write(out);
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("cannot write DeviceMemory: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	private static DeviceMemory readBinary(DataInput in) throws IOException {
		DeviceMemory memory = new DeviceMemory();
		int recentSize = in.readInt();
		memory.recent = new ArrayList<>(recentSize + 1);
		for (int i = 0; i < recentSize; i++) {
			memory.recent.add(in.readLong());
		}
		memory.lastTs = BinaryFields.readInstant(in);
		memory.lastSeq = BinaryFields.readLong(in);
		memory.lastSpeedKph = BinaryFields.readDouble(in);
		memory.lastSpeedTs = BinaryFields.readInstant(in);
		memory.lastPosition = BinaryFields.readPoint(in);
		BinaryFields.readMap(in, memory.metrics);
		int alerts = in.readInt();
		for (int i = 0; i < alerts; i++) {
			memory.alerts.put(BinaryFields.readString(in), readAlert(in));
		}
		memory.overspeedAboveSince = BinaryFields.readInstant(in);
		memory.overspeedMaxKph = BinaryFields.readDouble(in);
		memory.overspeedBelowSince = BinaryFields.readInstant(in);
		int fences = in.readInt();
		for (int i = 0; i < fences; i++) {
			String geofenceId = BinaryFields.readString(in);
			DeviceMemory.FenceState fence = new DeviceMemory.FenceState();
			fence.inside = in.readBoolean();
			fence.insideSince = BinaryFields.readInstant(in);
			fence.pending = in.readInt();
			fence.pendingSince = BinaryFields.readInstant(in);
			memory.fences.put(geofenceId, fence);
		}
		memory.dtcCodes = BinaryFields.readStrings(in);
		memory.firstOdometerKm = BinaryFields.readDouble(in);
		memory.firstOdometerTs = BinaryFields.readInstant(in);
		memory.productionLowSince = BinaryFields.readInstant(in);
		memory.trip = readTrip(in);
		memory.lastProcessedMs = in.readLong();
		memory.presenceWrittenMs = in.readLong();
		memory.statePublishedMs = in.readLong();
		memory.stateUnpublished = in.readBoolean();
		memory.rollups = RollupBuckets.read(in);
		return memory;
	}

	private static void writeAlert(DataOutput out, AlertEvent alert) throws IOException {
		BinaryFields.writeString(out, alert.alertId());
		BinaryFields.writeString(out, alert.tenantId());
		BinaryFields.writeString(out, alert.deviceId());
		BinaryFields.writeString(out, alert.groupId());
		BinaryFields.writeString(out, alert.type().name());
		BinaryFields.writeString(out, alert.severity().name());
		BinaryFields.writeString(out, alert.status().name());
		BinaryFields.writeString(out, alert.geofenceId());
		BinaryFields.writeInstant(out, alert.startedAt());
		BinaryFields.writeInstant(out, alert.endedAt());
		BinaryFields.writeInstant(out, alert.ts());
		out.writeLong(alert.version());
		BinaryFields.writeString(out, alert.message());
		BinaryFields.writeMap(out, alert.details());
		Acknowledgement acknowledgement = alert.acknowledgement();
		out.writeBoolean(acknowledgement != null);
		if (acknowledgement != null) {
			BinaryFields.writeString(out, acknowledgement.by());
			BinaryFields.writeInstant(out, acknowledgement.at());
			BinaryFields.writeString(out, acknowledgement.comment());
		}
	}

	private static AlertEvent readAlert(DataInput in) throws IOException {
		String alertId = BinaryFields.readString(in);
		String tenantId = BinaryFields.readString(in);
		String deviceId = BinaryFields.readString(in);
		String groupId = BinaryFields.readString(in);
		AlertType type = AlertType.of(BinaryFields.readString(in));
		Severity severity = Severity.valueOf(BinaryFields.readString(in));
		Status status = Status.valueOf(BinaryFields.readString(in));
		String geofenceId = BinaryFields.readString(in);
		Instant startedAt = BinaryFields.readInstant(in);
		Instant endedAt = BinaryFields.readInstant(in);
		Instant ts = BinaryFields.readInstant(in);
		long version = in.readLong();
		String message = BinaryFields.readString(in);
		Map<String, Object> details = BinaryFields.readMap(in, new LinkedHashMap<>());
		Acknowledgement acknowledgement = in.readBoolean() ? new Acknowledgement(BinaryFields.readString(in),
				BinaryFields.readInstant(in), BinaryFields.readString(in)) : null;
		return new AlertEvent(alertId, tenantId, deviceId, groupId, type, severity, status, geofenceId, startedAt,
				endedAt, ts, version, message, details, acknowledgement);
	}

	private static void writeTrip(DataOutput out, DeviceMemory.TripProgress trip) throws IOException {
		out.writeBoolean(trip != null);
		if (trip == null) {
			return;
		}
		BinaryFields.writeInstant(out, trip.startedAt);
		BinaryFields.writePoint(out, trip.startPosition);
		BinaryFields.writeInstant(out, trip.lastTs);
		BinaryFields.writeInstant(out, trip.lastMovingTs);
		out.writeDouble(trip.distanceKm);
		out.writeDouble(trip.maxSpeedKph);
		out.writeDouble(trip.speedSum);
		out.writeLong(trip.speedSamples);
		out.writeInt(trip.harshBraking);
		out.writeInt(trip.harshAcceleration);
		out.writeInt(trip.overspeed);
		out.writeInt(trip.route.size());
		for (GeoPoint point : trip.route) {
			out.writeDouble(point.lat());
			out.writeDouble(point.lon());
		}
	}

	private static DeviceMemory.TripProgress readTrip(DataInput in) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		DeviceMemory.TripProgress trip = new DeviceMemory.TripProgress();
		trip.startedAt = BinaryFields.readInstant(in);
		trip.startPosition = BinaryFields.readPoint(in);
		trip.lastTs = BinaryFields.readInstant(in);
		trip.lastMovingTs = BinaryFields.readInstant(in);
		trip.distanceKm = in.readDouble();
		trip.maxSpeedKph = in.readDouble();
		trip.speedSum = in.readDouble();
		trip.speedSamples = in.readLong();
		trip.harshBraking = in.readInt();
		trip.harshAcceleration = in.readInt();
		trip.overspeed = in.readInt();
		int routeSize = in.readInt();
		trip.route = new ArrayList<>(routeSize + 1);
		for (int i = 0; i < routeSize; i++) {
			trip.route.add(new GeoPoint(in.readDouble(), in.readDouble()));
		}
		return trip;
	}

	static DeviceMemory read(byte[] bytes) {
		try {
			if (bytes.length > 0 && bytes[0] == '{') {
				return LEGACY.readValue(bytes, DeviceMemory.class);
			}
			ByteArrayDataInput in = new ByteArrayDataInput(bytes);
			byte version = in.readByte();
			if (version == VERSION) {
				return readBinary(in);
			}
			if (version != VERSION_WITH_JSON && version != VERSION_WITHOUT_ROLLUPS) {
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
			RollupBuckets rollups = (version == VERSION_WITH_JSON) ? RollupBuckets.read(in) : new RollupBuckets();
			DeviceMemory memory = REST.readValue(bytes, in.position(), bytes.length - in.position(),
					DeviceMemory.class);
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
