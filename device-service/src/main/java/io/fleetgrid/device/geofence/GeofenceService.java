package io.fleetgrid.device.geofence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fleetgrid.contracts.event.GeoPoint;
import io.fleetgrid.contracts.event.GeofenceSnapshot;
import io.fleetgrid.contracts.event.GeofenceSnapshot.Geometry;
import io.fleetgrid.contracts.topic.Topics;
import io.fleetgrid.device.outbox.Outbox;
import io.fleetgrid.device.outbox.Republishable;
import io.fleetgrid.device.registry.DeviceRepository;
import io.fleetgrid.device.registry.GroupDeletedEvent;
import io.fleetgrid.device.web.ConflictException;
import io.fleetgrid.device.web.NotFoundException;
import io.fleetgrid.device.web.Validator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Geofence use cases; every change appends the new {@link GeofenceSnapshot} (or a
 * tombstone) to the outbox in the same transaction.
 */
@Service
public class GeofenceService implements Republishable {

	/** Most vertices of a polygon (not counting the closing point). */
	static final int MAX_VERTICES = 1_000;

	/** Largest circle radius. */
	static final double MAX_RADIUS_M = 100_000;

	private final GeofenceRepository geofences;

	private final DeviceRepository registry;

	private final Outbox outbox;

	private final Clock clock;

	GeofenceService(GeofenceRepository geofences, DeviceRepository registry, Outbox outbox, Clock clock) {
		this.geofences = geofences;
		this.registry = registry;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Creates a geofence with a generated id ({@code gf-<uuid>}: the id is the Kafka key,
	 * so it must be unique platform-wide).
	 * @param tenantId the tenant
	 * @param request the geofence
	 * @return the geofence
	 */
	@Transactional
	public GeofenceView create(String tenantId, GeofenceRequest request) {
		GeofenceSnapshot geofence = valid(tenantId, "gf-" + UUID.randomUUID(), request);
		this.geofences.upsert(geofence);
		this.outbox.append(Topics.GEOFENCES, geofence.geofenceId(), geofence);
		return GeofenceView.of(geofence);
	}

	/**
	 * Replaces a geofence.
	 * @param tenantId the tenant
	 * @param id the geofence
	 * @param request the new definition
	 * @return the geofence
	 */
	@Transactional
	public GeofenceView replace(String tenantId, String id, GeofenceRequest request) {
		this.geofences.find(tenantId, id, true).orElseThrow(() -> new NotFoundException("geofence", id));
		GeofenceSnapshot geofence = valid(tenantId, id, request);
		this.geofences.upsert(geofence);
		this.outbox.append(Topics.GEOFENCES, id, geofence);
		return GeofenceView.of(geofence);
	}

	/**
	 * A geofence of the tenant.
	 * @param tenantId the tenant
	 * @param id the geofence
	 * @return the geofence
	 */
	public GeofenceView get(String tenantId, String id) {
		return this.geofences.find(tenantId, id, false)
			.map(GeofenceView::of)
			.orElseThrow(() -> new NotFoundException("geofence", id));
	}

	/**
	 * The tenant's geofences.
	 * @param tenantId the tenant
	 * @return the geofences
	 */
	public List<GeofenceView> list(String tenantId) {
		return this.geofences.all(tenantId).stream().map(GeofenceView::of).toList();
	}

	/**
	 * Deletes a geofence and publishes its tombstone.
	 * @param tenantId the tenant
	 * @param id the geofence
	 */
	@Transactional
	public void delete(String tenantId, String id) {
		if (!this.geofences.delete(tenantId, id)) {
			throw new NotFoundException("geofence", id);
		}
		this.outbox.append(Topics.GEOFENCES, id, null);
	}

	/**
	 * Refuses to delete a group that geofences still name: dropping it from a geofence
	 * assigned to that group alone would leave an empty list, which means "every group",
	 * and keeping it would leave a dangling reference. Runs inside the deleting
	 * transaction, so the conflict rolls the whole deletion back.
	 * @param event the group being deleted
	 */
	@EventListener
	void groupDeleted(GroupDeletedEvent event) {
		List<String> users = this.geofences.all(event.tenantId())
			.stream()
			.filter((geofence) -> geofence.groupIds().contains(event.groupId()))
			.map((geofence) -> geofence.name() + " (" + geofence.geofenceId() + ")")
			.toList();
		if (!users.isEmpty()) {
			throw new ConflictException("Group '" + event.groupId() + "' is still assigned to " + users.size()
					+ " geofence(s): " + String.join(", ", users) + "; remove it from them first");
		}
	}

	@Override
	public int republish(String tenantId) {
		List<GeofenceSnapshot> all = this.geofences.all(tenantId);
		all.forEach((geofence) -> this.outbox.append(Topics.GEOFENCES, geofence.geofenceId(), geofence));
		return all.size();
	}

	private GeofenceSnapshot valid(String tenantId, String id, GeofenceRequest request) {
		Validator validator = new Validator();
		validator.requiredText(request.name(), "name", 200);
		Geometry geometry = null;
		if (request.geometry() != null) {
			validator.check(request.center() == null && request.radiusM() == null, "geometry",
					"give either a polygon geometry or center and radiusM, not both");
			List<GeoPoint> ring = ring(request.geometry(), validator);
			if (ring != null) {
				geometry = Geometry.polygon(ring);
			}
		}
		else if (validator.check(request.center() != null, "center", "is required for a circle (or give geometry)")
				&& validator.check(
						request.radiusM() != null && request.radiusM() > 0 && request.radiusM() <= MAX_RADIUS_M,
						"radiusM", "must be within (0, " + (long) MAX_RADIUS_M + "]")) {
			geometry = Geometry.circle(request.center(), request.radiusM());
		}
		validator.check(
				request.speedLimitKph() == null || (request.speedLimitKph() > 0 && request.speedLimitKph() <= 400),
				"speedLimitKph", "must be within (0, 400]");
		validator.range(request.dwellSeconds(), "dwellSeconds", 1, 7 * 24 * 3600);
		List<String> groups = (request.groupIds() != null) ? request.groupIds() : List.of();
		validator.texts(groups, "groupIds", 100, 64);
		for (int i = 0; i < groups.size(); i++) {
			String group = groups.get(i);
			if (group != null && this.registry.findGroup(tenantId, group).isEmpty()) {
				validator.reject("groupIds[" + i + "]", "no group '" + group + "'");
			}
		}
		validator.throwIfInvalid();
		return new GeofenceSnapshot(id, tenantId, request.name().strip(), geometry, request.speedLimitKph(),
				request.dwellSeconds(), groups.stream().distinct().toList(),
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * The validated outer ring of a GeoJSON polygon, or null (with errors recorded).
	 */
	static List<GeoPoint> ring(GeoJsonPolygon polygon, Validator validator) {
		if (!validator.check("Polygon".equals(polygon.type()), "geometry.type", "must be \"Polygon\"")) {
			return null;
		}
		List<List<List<Double>>> rings = polygon.coordinates();
		if (!validator.check(rings != null && !rings.isEmpty(), "geometry.coordinates", "must hold the outer ring")
				|| !validator.check(rings.size() == 1, "geometry.coordinates",
						"holes (inner rings) are not supported")) {
			return null;
		}
		List<List<Double>> positions = rings.get(0);
		String field = "geometry.coordinates[0]";
		if (!validator.check(positions != null && positions.size() >= 4, field,
				"a ring needs at least 4 positions (3 corners and the closing position)")) {
			return null;
		}
		if (!validator.check(positions.size() - 1 <= MAX_VERTICES, field,
				"at most " + MAX_VERTICES + " vertices, got " + (positions.size() - 1))) {
			return null;
		}
		List<GeoPoint> ring = new ArrayList<>(positions.size());
		for (int i = 0; i < positions.size(); i++) {
			List<Double> position = positions.get(i);
			String at = field + "[" + i + "]";
			if (!validator.check(
					position != null && position.size() >= 2 && position.get(0) != null && position.get(1) != null, at,
					"must be [longitude, latitude]")) {
				return null;
			}
			double lon = position.get(0);
			double lat = position.get(1);
			if (!validator.check(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, at,
					"longitude must be within [-180, 180] and latitude within [-90, 90]")) {
				return null;
			}
			ring.add(new GeoPoint(lat, lon));
		}
		if (!validator.check(ring.get(0).equals(ring.get(ring.size() - 1)), field,
				"the ring must be closed: the last position must equal the first")) {
			return null;
		}
		for (int i = 0; i < ring.size() - 1; i++) {
			if (!validator.check(!ring.get(i).equals(ring.get(i + 1)), field + "[" + (i + 1) + "]",
					"repeats the previous position")) {
				return null;
			}
		}
		int[] crossing = Polygons.firstSelfIntersection(ring);
		if (!validator.check(crossing == null, field, (crossing != null)
				? "the ring intersects itself: edge " + crossing[0] + " meets edge " + crossing[1] : "")) {
			return null;
		}
		if (!validator.check(Polygons.doubleArea(ring) != 0, field, "the ring encloses no area")) {
			return null;
		}
		return ring;
	}

}
