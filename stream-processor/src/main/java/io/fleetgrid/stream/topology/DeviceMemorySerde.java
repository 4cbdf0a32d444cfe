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
import io.fleetgrid.stream.codec.ByteArrayDataInput;
import io.fleetgrid.stream.codec.ByteArrayDataOutput;
import io.fleetgrid.stream.codec.Compact;
import io.fleetgrid.stream.codec.EncodedRoute;
import io.fleetgrid.stream.codec.FullWidth;
import io.fleetgrid.stream.detect.DeviceMemory;
import io.fleetgrid.stream.detect.RecentEvents;
import io.fleetgrid.stream.rollup.RollupBuckets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code device-memory} store's value format, read and written with every event: all
 * binary since version 3 (which halved the cost of the memory round trip), compact since
 * version 4 (about half the bytes of version 3 for a moving vehicle, so half the record
 * cache, RocksDB and changelog bytes per device), each rollup window framed by its length
 * since version 5 (so that the windows a memory read back does not need stay undecoded,
 * see {@link RollupBuckets}). The first byte is a format version. Earlier formats still
 * read, so existing changelogs restore after an upgrade: a value that starts with
 * <code>{</code> is the all-JSON form of the first versions; version 1 had the recent
 * event identities and the route of the trip in progress in binary and the rest as JSON,
 * version 2 added the open rollup windows (before them, window stores held the rollups);
 * version 3 is version 4 with every number in full width; version 4 is version 5 without
 * the windows' lengths.
 *
 * <pre>
 * 5 | recent (count, first id, differences…) | last event (ts, seq, speed, speed ts,
 *   | position) | metrics (tagged values) | active alerts (key, alert with tagged
 *   | details…) | overspeed state | geofence states | DTC codes | odometer
 *   | production drop | trip in progress (route as 10⁻⁷° differences) | wall-clock marks
 *   | rollup windows (name table, then per window its resolution, start, length, body)
 * </pre> Numbers, instants and sizes use the short forms of {@link Compact}; strings are
 * length-prefixed UTF-8; alert details and metrics use the tags of {@link BinaryFields}.
 */
public final class DeviceMemorySerde implements Serde<DeviceMemory> {

	private static final byte VERSION = 5;

	/** Version 4: as version 5 without the lengths of the rollup windows (read only). */
	private static final byte VERSION_UNFRAMED = 4;

	/**
	 * Version 3: as version 4 with every number, instant and size in full (read only).
	 */
	private static final byte VERSION_FULL_WIDTH = 3;

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
			RecentEvents recent = memory.recent;
			Compact.writeSize(out, recent.size());
			long previous = 0;
			for (int i = 0; i < recent.size(); i++) {
				long identity = recent.get(i);
				Compact.writeVarLong(out, identity - previous);
				previous = identity;
			}
			Compact.writeInstant(out, memory.lastTs);
			out.writeBoolean(memory.lastSeq != null);
			if (memory.lastSeq != null) {
				Compact.writeVarLong(out, memory.lastSeq);
			}
			Compact.writeDouble(out, memory.lastSpeedKph);
			Compact.writeInstant(out, memory.lastSpeedTs);
			Compact.writePoint(out, memory.lastPosition);
			BinaryFields.writeMap(out, memory.metrics);
			Compact.writeSize(out, memory.alerts.size());
			for (Map.Entry<String, AlertEvent> entry : memory.alerts.entrySet()) {
				BinaryFields.writeString(out, entry.getKey());
				writeAlert(out, entry.getValue());
			}
			Compact.writeInstant(out, memory.overspeedAboveSince);
			Compact.writeDouble(out, memory.overspeedMaxKph);
			Compact.writeInstant(out, memory.overspeedBelowSince);
			Compact.writeSize(out, memory.fences.size());
			for (Map.Entry<String, DeviceMemory.FenceState> entry : memory.fences.entrySet()) {
				BinaryFields.writeString(out, entry.getKey());
				DeviceMemory.FenceState fence = entry.getValue();
				out.writeBoolean(fence.inside);
				Compact.writeInstant(out, fence.insideSince);
				Compact.writeVarInt(out, fence.pending);
				Compact.writeInstant(out, fence.pendingSince);
			}
			BinaryFields.writeStrings(out, memory.dtcCodes);
			Compact.writeDouble(out, memory.firstOdometerKm);
			Compact.writeInstant(out, memory.firstOdometerTs);
			Compact.writeInstant(out, memory.productionLowSince);
			writeTrip(out, memory.trip);
			Compact.writeVarLong(out, memory.lastProcessedMs);
			Compact.writeVarLong(out, memory.presenceWrittenMs);
			Compact.writeVarLong(out, memory.statePublishedMs);
			out.writeBoolean(memory.stateUnpublished);
			memory.rollups.write(out, true);
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("cannot write DeviceMemory: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	/**
	 * Reads format 3, 4 or 5: the same fields in the same order, formats 4 and 5 with the
	 * short forms of {@link Compact}.
	 */
	private static DeviceMemory readBinary(DataInput in, RollupBuckets.Format format) throws IOException {
		boolean compact = format != RollupBuckets.Format.FULL_WIDTH;
		DeviceMemory memory = new DeviceMemory();
		int recentSize = size(in, compact);
		long previous = 0;
		for (int i = 0; i < recentSize; i++) {
			previous = compact ? previous + Compact.readVarLong(in) : in.readLong();
			memory.recent.add(previous);
		}
		memory.lastTs = instant(in, compact);
		memory.lastSeq = compact ? (in.readBoolean() ? Compact.readVarLong(in) : null) : FullWidth.readLong(in);
		memory.lastSpeedKph = nullableDouble(in, compact);
		memory.lastSpeedTs = instant(in, compact);
		memory.lastPosition = compact ? Compact.readPoint(in) : FullWidth.readPoint(in);
		BinaryFields.readMap(in, memory.metrics);
		int alerts = size(in, compact);
		for (int i = 0; i < alerts; i++) {
			memory.alerts.put(BinaryFields.readString(in), readAlert(in));
		}
		memory.overspeedAboveSince = instant(in, compact);
		memory.overspeedMaxKph = nullableDouble(in, compact);
		memory.overspeedBelowSince = instant(in, compact);
		int fences = size(in, compact);
		for (int i = 0; i < fences; i++) {
			String geofenceId = BinaryFields.readString(in);
			DeviceMemory.FenceState fence = new DeviceMemory.FenceState();
			fence.inside = in.readBoolean();
			fence.insideSince = instant(in, compact);
			fence.pending = compact ? Compact.readVarInt(in) : in.readInt();
			fence.pendingSince = instant(in, compact);
			memory.fences.put(geofenceId, fence);
		}
		memory.dtcCodes = BinaryFields.readStrings(in);
		memory.firstOdometerKm = nullableDouble(in, compact);
		memory.firstOdometerTs = instant(in, compact);
		memory.productionLowSince = instant(in, compact);
		memory.trip = readTrip(in, compact);
		memory.lastProcessedMs = compact ? Compact.readVarLong(in) : in.readLong();
		memory.presenceWrittenMs = compact ? Compact.readVarLong(in) : in.readLong();
		memory.statePublishedMs = compact ? Compact.readVarLong(in) : in.readLong();
		memory.stateUnpublished = in.readBoolean();
		memory.rollups = RollupBuckets.read(in, format);
		return memory;
	}

	private static int size(DataInput in, boolean compact) throws IOException {
		return compact ? Compact.readSize(in) : in.readInt();
	}

	private static Instant instant(DataInput in, boolean compact) throws IOException {
		return compact ? Compact.readInstant(in) : FullWidth.readInstant(in);
	}

	private static Double nullableDouble(DataInput in, boolean compact) throws IOException {
		return compact ? Compact.readNullableDouble(in) : FullWidth.readDouble(in);
	}

	private static double number(DataInput in, boolean compact) throws IOException {
		return compact ? Compact.readDouble(in) : in.readDouble();
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
		FullWidth.writeInstant(out, alert.startedAt());
		FullWidth.writeInstant(out, alert.endedAt());
		FullWidth.writeInstant(out, alert.ts());
		out.writeLong(alert.version());
		BinaryFields.writeString(out, alert.message());
		BinaryFields.writeMap(out, alert.details());
		Acknowledgement acknowledgement = alert.acknowledgement();
		out.writeBoolean(acknowledgement != null);
		if (acknowledgement != null) {
			BinaryFields.writeString(out, acknowledgement.by());
			FullWidth.writeInstant(out, acknowledgement.at());
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
		Instant startedAt = FullWidth.readInstant(in);
		Instant endedAt = FullWidth.readInstant(in);
		Instant ts = FullWidth.readInstant(in);
		long version = in.readLong();
		String message = BinaryFields.readString(in);
		Map<String, Object> details = BinaryFields.readMap(in, new LinkedHashMap<>());
		Acknowledgement acknowledgement = in.readBoolean() ? new Acknowledgement(BinaryFields.readString(in),
				FullWidth.readInstant(in), BinaryFields.readString(in)) : null;
		return new AlertEvent(alertId, tenantId, deviceId, groupId, type, severity, status, geofenceId, startedAt,
				endedAt, ts, version, message, details, acknowledgement);
	}

	private static void writeTrip(DataOutput out, DeviceMemory.TripProgress trip) throws IOException {
		out.writeBoolean(trip != null);
		if (trip == null) {
			return;
		}
		Compact.writeInstant(out, trip.startedAt);
		Compact.writePoint(out, trip.startPosition);
		Compact.writeInstant(out, trip.lastTs);
		Compact.writeInstant(out, trip.lastMovingTs);
		Compact.writeDouble(out, trip.distanceKm);
		Compact.writeDouble(out, trip.maxSpeedKph);
		Compact.writeDouble(out, trip.speedSum);
		Compact.writeVarLong(out, trip.speedSamples);
		Compact.writeVarInt(out, trip.harshBraking);
		Compact.writeVarInt(out, trip.harshAcceleration);
		Compact.writeVarInt(out, trip.overspeed);
		Compact.writeRoute(out, trip.route);
	}

	private static DeviceMemory.TripProgress readTrip(DataInput in, boolean compact) throws IOException {
		if (!in.readBoolean()) {
			return null;
		}
		DeviceMemory.TripProgress trip = new DeviceMemory.TripProgress();
		trip.startedAt = instant(in, compact);
		trip.startPosition = compact ? Compact.readPoint(in) : FullWidth.readPoint(in);
		trip.lastTs = instant(in, compact);
		trip.lastMovingTs = instant(in, compact);
		trip.distanceKm = number(in, compact);
		trip.maxSpeedKph = number(in, compact);
		trip.speedSum = number(in, compact);
		trip.speedSamples = compact ? Compact.readVarLong(in) : in.readLong();
		trip.harshBraking = compact ? Compact.readVarInt(in) : in.readInt();
		trip.harshAcceleration = compact ? Compact.readVarInt(in) : in.readInt();
		trip.overspeed = compact ? Compact.readVarInt(in) : in.readInt();
		if (compact) {
			trip.route = Compact.readRoute(in);
			return trip;
		}
		trip.route = readFullWidthRoute(in, in.readInt());
		return trip;
	}

	/** The route of formats 1 to 3: {@code size} points of two full doubles each. */
	private static List<GeoPoint> readFullWidthRoute(DataInput in, int size) throws IOException {
		List<GeoPoint> route = new ArrayList<>(size + 1);
		for (int i = 0; i < size; i++) {
			route.add(new GeoPoint(in.readDouble(), in.readDouble()));
		}
		return route;
	}

	static DeviceMemory read(byte[] bytes) {
		DeviceMemory memory = readAnyFormat(bytes);
		if (bytes[0] != VERSION && bytes[0] != VERSION_UNFRAMED && memory.trip != null) {
			// earlier formats kept the route unrounded; formats 4 and 5 keep it to 10⁻⁷°
			memory.trip.route = EncodedRoute.of(memory.trip.route);
		}
		return memory;
	}

	private static DeviceMemory readAnyFormat(byte[] bytes) {
		try {
			if (bytes.length > 0 && bytes[0] == '{') {
				return LEGACY.readValue(bytes, DeviceMemory.class);
			}
			ByteArrayDataInput in = new ByteArrayDataInput(bytes);
			byte version = in.readByte();
			switch (version) {
				case VERSION:
					return readBinary(in, RollupBuckets.Format.FRAMED);
				case VERSION_UNFRAMED:
					return readBinary(in, RollupBuckets.Format.COMPACT);
				case VERSION_FULL_WIDTH:
					return readBinary(in, RollupBuckets.Format.FULL_WIDTH);
				default:
					break;
			}
			if (version != VERSION_WITH_JSON && version != VERSION_WITHOUT_ROLLUPS) {
				throw new SerializationException("unknown DeviceMemory format " + version);
			}
			int recentSize = in.readInt();
			RecentEvents recent = new RecentEvents();
			for (int i = 0; i < recentSize; i++) {
				recent.add(in.readLong());
			}
			int routeSize = in.readInt();
			List<GeoPoint> route = (routeSize >= 0) ? readFullWidthRoute(in, routeSize) : null;
			RollupBuckets rollups = (version == VERSION_WITH_JSON)
					? RollupBuckets.read(in, RollupBuckets.Format.FULL_WIDTH) : new RollupBuckets();
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
		public RecentEvents recent;

	}

	/** Jackson mix-in: {@link DeviceMemory.TripProgress#route} is written in binary. */
	abstract static class WithoutRoute {

		@JsonIgnore
		public List<GeoPoint> route;

	}

}
