package io.fleetgrid.stream.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.stream.geo.Geo;

/**
 * A uniform grid over (lat, lon) per tenant: each geofence is listed in every cell its
 * bounding box touches, so a lookup tests only the few geofences of one cell, however
 * many the tenant has. Geofences whose box covers more than {@link #MAX_CELLS} cells go
 * to a per-tenant list that is always tested (few in practice). Written by one thread
 * (the global stream thread), read by many: cells hold immutable lists that are replaced,
 * never changed.
 */
public final class GeofenceIndex {

	/** The most cells one geofence is listed in. */
	static final int MAX_CELLS = 4096;

	private final double cellDegrees;

	private final Map<String, GeofenceSnapshot> byId = new ConcurrentHashMap<>();

	private final Map<String, Map<Long, List<GeofenceSnapshot>>> cells = new ConcurrentHashMap<>();

	private final Map<String, List<GeofenceSnapshot>> large = new ConcurrentHashMap<>();

	GeofenceIndex(double cellDegrees) {
		this.cellDegrees = cellDegrees;
	}

	synchronized void put(GeofenceSnapshot geofence) {
		remove(geofence.geofenceId());
		this.byId.put(geofence.geofenceId(), geofence);
		double[] box = Geo.bounds(geofence.geometry());
		long minX = cellX(box[1]);
		long maxX = cellX(box[3]);
		long minY = cellY(box[0]);
		long maxY = cellY(box[2]);
		if ((maxX - minX + 1) * (maxY - minY + 1) > MAX_CELLS) {
			this.large.compute(geofence.tenantId(), (tenant, list) -> with(list, geofence));
			return;
		}
		Map<Long, List<GeofenceSnapshot>> grid = this.cells.computeIfAbsent(geofence.tenantId(),
				(tenant) -> new ConcurrentHashMap<>());
		for (long x = minX; x <= maxX; x++) {
			for (long y = minY; y <= maxY; y++) {
				grid.compute(cell(x, y), (cell, list) -> with(list, geofence));
			}
		}
	}

	synchronized void remove(String geofenceId) {
		GeofenceSnapshot old = this.byId.remove(geofenceId);
		if (old == null) {
			return;
		}
		this.large.computeIfPresent(old.tenantId(), (tenant, list) -> without(list, geofenceId));
		Map<Long, List<GeofenceSnapshot>> grid = this.cells.get(old.tenantId());
		if (grid == null) {
			return;
		}
		double[] box = Geo.bounds(old.geometry());
		for (long x = cellX(box[1]); x <= cellX(box[3]); x++) {
			for (long y = cellY(box[0]); y <= cellY(box[2]); y++) {
				grid.computeIfPresent(cell(x, y), (cell, list) -> without(list, geofenceId));
			}
		}
	}

	/**
	 * A geofence by id.
	 * @param geofenceId id
	 * @return the geofence, or null if unknown or deleted
	 */
	public GeofenceSnapshot get(String geofenceId) {
		return this.byId.get(geofenceId);
	}

	/**
	 * The tenant's geofences that contain a point and apply to a group.
	 * @param tenantId tenant
	 * @param groupId the device's group, or null
	 * @param point position
	 * @return the containing geofences (empty if none)
	 */
	public List<GeofenceSnapshot> containing(String tenantId, String groupId, GeoPoint point) {
		List<GeofenceSnapshot> result = null;
		Map<Long, List<GeofenceSnapshot>> grid = this.cells.get(tenantId);
		if (grid != null) {
			List<GeofenceSnapshot> candidates = grid.get(cell(cellX(point.lon()), cellY(point.lat())));
			result = test(candidates, groupId, point, null);
		}
		return test(this.large.get(tenantId), groupId, point, result);
	}

	private static List<GeofenceSnapshot> test(List<GeofenceSnapshot> candidates, String groupId, GeoPoint point,
			List<GeofenceSnapshot> result) {
		List<GeofenceSnapshot> found = result;
		if (candidates != null) {
			for (GeofenceSnapshot candidate : candidates) {
				if ((candidate.groupIds().isEmpty() || candidate.groupIds().contains(groupId))
						&& Geo.contains(candidate.geometry(), point)) {
					found = (found != null) ? found : new ArrayList<>(2);
					found.add(candidate);
				}
			}
		}
		return (found != null) ? found : List.of();
	}

	private long cellX(double lon) {
		return (long) Math.floor(lon / this.cellDegrees);
	}

	private long cellY(double lat) {
		return (long) Math.floor(lat / this.cellDegrees);
	}

	private static long cell(long x, long y) {
		return (x << 32) ^ (y & 0xffffffffL);
	}

	private static List<GeofenceSnapshot> with(List<GeofenceSnapshot> list, GeofenceSnapshot geofence) {
		List<GeofenceSnapshot> copy = (list != null) ? new ArrayList<>(list) : new ArrayList<>(1);
		copy.add(geofence);
		return List.copyOf(copy);
	}

	private static List<GeofenceSnapshot> without(List<GeofenceSnapshot> list, String geofenceId) {
		List<GeofenceSnapshot> copy = new ArrayList<>(list);
		copy.removeIf((g) -> g.geofenceId().equals(geofenceId));
		return copy.isEmpty() ? null : List.copyOf(copy);
	}

}
