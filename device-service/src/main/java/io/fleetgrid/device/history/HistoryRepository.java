package io.fleetgrid.device.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.Rollup;
import io.fleetgrid.contracts.event.Trip;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Alerts, trips and rollups in PostgreSQL. Writes are upserts keyed by the record's
 * identity; reads are scoped by tenant.
 */
@Repository
class HistoryRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonSerdes.mapper();

	HistoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an alert step unless a step with the same or a higher version is stored.
	 * <p>
	 * Two writers number the steps of one alert: the stream-processor (RAISED, UPDATED,
	 * CLEARED) and this service's acknowledgement (ACKNOWLEDGED, the version after the
	 * one it saw). The stream-processor does not read acknowledgements, so its next step
	 * may carry the same version as an acknowledgement; that step still applies (the
	 * acknowledgement columns are kept), while a replayed acknowledgement never
	 * overwrites the processor's step of the same version.
	 * @param event the step
	 * @return whether it changed the stored alert
	 */
	boolean upsertAlert(AlertEvent event) {
		return this.jdbc
			.sql("""
					insert into alert (alert_id, tenant_id, device_id, type, severity, status, started_at, ts, version, event,
					    acknowledged_by, acknowledged_at)
					values (:id, :tenant, :device, :type, :severity, :status, :started, :ts, :version, cast(:event as jsonb),
					    :ackBy, :ackAt)
					on conflict (alert_id) do update set type = excluded.type, severity = excluded.severity,
					    status = excluded.status, ts = excluded.ts, version = excluded.version, event = excluded.event,
					    acknowledged_by = coalesce(excluded.acknowledged_by, alert.acknowledged_by),
					    acknowledged_at = coalesce(excluded.acknowledged_at, alert.acknowledged_at)
					where alert.tenant_id = excluded.tenant_id and (alert.version < excluded.version
					    or (alert.version = excluded.version and alert.status = 'ACKNOWLEDGED'
					        and excluded.status <> 'ACKNOWLEDGED'))
					""")
			.param("id", event.alertId())
			.param("tenant", event.tenantId())
			.param("device", event.deviceId())
			.param("type", event.type().name())
			.param("severity", event.severity().name())
			.param("status", event.status().name())
			.param("started", Timestamp.from(event.startedAt()))
			.param("ts", Timestamp.from(event.ts()))
			.param("version", event.version())
			.param("event", this.json.writeValueAsString(event))
			.param("ackBy", (event.acknowledgement() != null) ? event.acknowledgement().by() : null)
			.param("ackAt", (event.acknowledgement() != null) ? Timestamp.from(event.acknowledgement().at()) : null)
			.update() == 1;
	}

	/**
	 * Stores a trip, replacing a different earlier version of it.
	 * @param trip the trip
	 * @return whether it changed the stored trip
	 */
	boolean upsertTrip(Trip trip) {
		return this.jdbc.sql("""
				insert into trip (trip_id, tenant_id, device_id, started_at, ended_at, trip)
				values (:id, :tenant, :device, :started, :ended, cast(:trip as jsonb))
				on conflict (trip_id) do update set started_at = excluded.started_at, ended_at = excluded.ended_at,
				    trip = excluded.trip
				where trip.trip is distinct from excluded.trip and trip.tenant_id = excluded.tenant_id
				""")
			.param("id", trip.tripId())
			.param("tenant", trip.tenantId())
			.param("device", trip.deviceId())
			.param("started", Timestamp.from(trip.startedAt()))
			.param("ended", Timestamp.from(trip.endedAt()))
			.param("trip", this.json.writeValueAsString(trip))
			.update() == 1;
	}

	/**
	 * Stores a rollup; a late update of the same window replaces the earlier one.
	 * @param rollup the rollup
	 * @return whether it changed the stored rollup
	 */
	boolean upsertRollup(Rollup rollup) {
		return this.jdbc.sql("""
				insert into rollup (device_id, resolution, window_start, tenant_id, rollup)
				values (:device, :resolution, :start, :tenant, cast(:rollup as jsonb))
				on conflict (device_id, resolution, window_start) do update set rollup = excluded.rollup
				where rollup.rollup is distinct from excluded.rollup and rollup.tenant_id = excluded.tenant_id
				""")
			.param("device", rollup.deviceId())
			.param("resolution", rollup.resolution().name())
			.param("start", Timestamp.from(rollup.windowStart()))
			.param("tenant", rollup.tenantId())
			.param("rollup", this.json.writeValueAsString(rollup))
			.update() == 1;
	}

	/**
	 * Moves the device's "last seen" forward to the end of a rollup window (at most the
	 * current time): minute precision, from the stream-processor's aggregates.
	 * @param rollup the rollup
	 * @param now the current time
	 */
	void touchLastSeen(Rollup rollup, Instant now) {
		Instant seen = rollup.windowEnd().isAfter(now) ? now : rollup.windowEnd();
		this.jdbc.sql("""
				update device set last_seen_at = :seen
				where id = :device and tenant_id = :tenant and (last_seen_at is null or last_seen_at < :seen)
				""")
			.param("seen", Timestamp.from(seen))
			.param("device", rollup.deviceId())
			.param("tenant", rollup.tenantId())
			.update();
	}

	Optional<StoredAlert> findAlert(String tenantId, String alertId, boolean forUpdate) {
		return this.jdbc.sql(
				"select event, acknowledged_by, acknowledged_at from alert where tenant_id = :tenant and alert_id = :id"
						+ (forUpdate ? " for update" : ""))
			.param("tenant", tenantId)
			.param("id", alertId)
			.query((rs, row) -> new StoredAlert(this.json.readValue(rs.getString("event"), AlertEvent.class)))
			.optional();
	}

	List<AlertEvent> alerts(String tenantId, AlertFilter filter, int page, int size) {
		StringBuilder sql = new StringBuilder("select event from alert where tenant_id = :tenant");
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "tenant", tenantId });
		if (filter.visibleTo() != null) {
			sql.append(" and device_id in (select id from device where tenant_id = :tenant"
					+ " and assigned_user_ids @> cast(:user as jsonb))");
			params.add(new Object[] { "user", this.json.writeValueAsString(List.of(filter.visibleTo())) });
		}
		add(sql, params, "device_id", "device", filter.deviceId());
		add(sql, params, "status", "status", (filter.status() != null) ? filter.status().name() : null);
		add(sql, params, "severity", "severity", (filter.severity() != null) ? filter.severity().name() : null);
		add(sql, params, "type", "type", filter.type());
		if (filter.from() != null) {
			sql.append(" and ts >= :from");
			params.add(new Object[] { "from", Timestamp.from(filter.from()) });
		}
		if (filter.to() != null) {
			sql.append(" and ts < :to");
			params.add(new Object[] { "to", Timestamp.from(filter.to()) });
		}
		sql.append(" order by ts desc, alert_id limit :limit offset :offset");
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql.toString());
		for (Object[] param : params) {
			spec = spec.param((String) param[0], param[1]);
		}
		return spec.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> this.json.readValue(rs.getString(1), AlertEvent.class))
			.list();
	}

	List<Trip> trips(String tenantId, String deviceId, Instant from, Instant to, int page, int size) {
		return this.jdbc.sql("""
				select trip from trip where tenant_id = :tenant and device_id = :device
				    and started_at >= :from and started_at < :to
				order by started_at desc limit :limit offset :offset
				""")
			.param("tenant", tenantId)
			.param("device", deviceId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> this.json.readValue(rs.getString(1), Trip.class))
			.list();
	}

	List<Rollup> rollups(String tenantId, String deviceId, Rollup.Resolution resolution, Instant from, Instant to) {
		return this.jdbc.sql("""
				select rollup from rollup where tenant_id = :tenant and device_id = :device and resolution = :resolution
				    and window_start >= :from and window_start < :to
				order by window_start
				""")
			.param("tenant", tenantId)
			.param("device", deviceId)
			.param("resolution", resolution.name())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> this.json.readValue(rs.getString(1), Rollup.class))
			.list();
	}

	private static void add(StringBuilder sql, List<Object[]> params, String column, String name, String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = :").append(name);
			params.add(new Object[] { name, value });
		}
	}

	/**
	 * An alert as stored: its latest step.
	 *
	 * @param event the latest step
	 */
	record StoredAlert(AlertEvent event) {

	}

}
