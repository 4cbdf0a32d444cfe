package io.fleetgrid.device.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fleetgrid.contracts.event.DeviceSnapshot.EnergyProfile;
import io.fleetgrid.contracts.event.DeviceSnapshot.VehicleProfile;
import io.fleetgrid.contracts.event.DeviceType;
import io.fleetgrid.contracts.serde.JsonSerdes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Devices and groups in PostgreSQL, through {@link JdbcClient}. Every method that reads
 * or writes a tenant's data takes the tenant id and puts it into the {@code where}
 * clause; the only unscoped lookup is {@link #findCredential(String)}, used by the
 * service-authenticated credential check where no tenant is known yet.
 */
@Repository
public class DeviceRepository {

	private static final String COLUMNS = "tenant_id, id, type, name, group_id, tags, assigned_user_ids, active, "
			+ "vehicle, energy, created_at, updated_at, last_seen_at, token_issued_at";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonSerdes.mapper();

	/**
	 * Creates the repository.
	 * @param jdbc the client
	 */
	public DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a device with its token hash.
	 * @param device the device
	 * @param tokenHash the token's hash
	 */
	public void insert(Device device, byte[] tokenHash) {
		this.jdbc
			.sql("""
					insert into device (tenant_id, id, type, name, group_id, tags, assigned_user_ids, active, vehicle, energy,
					    vin, token_hash, token_issued_at, created_at, updated_at)
					values (:tenant, :id, :type, :name, :group, cast(:tags as jsonb), cast(:users as jsonb), :active,
					    cast(:vehicle as jsonb), cast(:energy as jsonb), :vin, :hash, :issued, :created, :updated)
					""")
			.param("tenant", device.tenantId())
			.param("id", device.id())
			.param("type", device.type().name())
			.param("name", device.name())
			.param("group", device.groupId())
			.param("tags", this.json.writeValueAsString(device.tags()))
			.param("users", this.json.writeValueAsString(device.assignedUserIds()))
			.param("active", device.active())
			.param("vehicle", jsonOrNull(device.vehicle()))
			.param("energy", jsonOrNull(device.energy()))
			.param("vin", vin(device))
			.param("hash", tokenHash)
			.param("issued", timestamp(device.credentialIssuedAt()))
			.param("created", timestamp(device.createdAt()))
			.param("updated", timestamp(device.updatedAt()))
			.update();
	}

	/**
	 * Whether a device id is taken in any tenant.
	 * @param id the id
	 * @return true if a device has it
	 */
	public boolean idTaken(String id) {
		return this.jdbc.sql("select count(*) from device where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Updates the mutable fields of a device (not the credential).
	 * @param device the device
	 * @return whether a row of the tenant was updated
	 */
	public boolean update(Device device) {
		return this.jdbc.sql("""
				update device set name = :name, group_id = :group, tags = cast(:tags as jsonb),
				    assigned_user_ids = cast(:users as jsonb), active = :active, vehicle = cast(:vehicle as jsonb),
				    energy = cast(:energy as jsonb), vin = :vin, updated_at = :updated
				where tenant_id = :tenant and id = :id
				""")
			.param("tenant", device.tenantId())
			.param("id", device.id())
			.param("name", device.name())
			.param("group", device.groupId())
			.param("tags", this.json.writeValueAsString(device.tags()))
			.param("users", this.json.writeValueAsString(device.assignedUserIds()))
			.param("active", device.active())
			.param("vehicle", jsonOrNull(device.vehicle()))
			.param("energy", jsonOrNull(device.energy()))
			.param("vin", vin(device))
			.param("updated", timestamp(device.updatedAt()))
			.update() == 1;
	}

	/**
	 * Replaces (or with null, revokes) a device's credential.
	 * @param tenantId the tenant
	 * @param id the device
	 * @param tokenHash the new hash, or null to revoke
	 * @param at the time of the change (also the new {@code updated_at})
	 * @return whether a row of the tenant was updated
	 */
	public boolean updateCredential(String tenantId, String id, byte[] tokenHash, Instant at) {
		return this.jdbc.sql("""
				update device set token_hash = :hash, token_issued_at = :issued, updated_at = :at
				where tenant_id = :tenant and id = :id
				""")
			.param("tenant", tenantId)
			.param("id", id)
			.param("hash", tokenHash)
			.param("issued", (tokenHash != null) ? timestamp(at) : null)
			.param("at", timestamp(at))
			.update() == 1;
	}

	/**
	 * Deletes a device.
	 * @param tenantId the tenant
	 * @param id the device
	 * @return whether it existed in the tenant
	 */
	public boolean delete(String tenantId, String id) {
		return this.jdbc.sql("delete from device where tenant_id = :tenant and id = :id")
			.param("tenant", tenantId)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * A device of a tenant, locked for update when {@code forUpdate}.
	 * @param tenantId the tenant
	 * @param id the device
	 * @param forUpdate whether to lock the row until the transaction ends
	 * @return the device, if the tenant has it
	 */
	public Optional<Device> find(String tenantId, String id, boolean forUpdate) {
		return this.jdbc
			.sql("select " + COLUMNS + " from device where tenant_id = :tenant and id = :id"
					+ (forUpdate ? " for update" : ""))
			.param("tenant", tenantId)
			.param("id", id)
			.query(this::device)
			.optional();
	}

	/**
	 * What the credential check needs to know about a device, by id alone.
	 * @param id the device id
	 * @return the credential record, if the device exists
	 */
	public Optional<StoredCredential> findCredential(String id) {
		return this.jdbc.sql("select id, tenant_id, type, active, token_hash from device where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredCredential(rs.getString("id"), rs.getString("tenant_id"),
					DeviceType.valueOf(rs.getString("type")), rs.getBoolean("active"), rs.getBytes("token_hash")))
			.optional();
	}

	/**
	 * One page of a tenant's devices.
	 * @param tenantId the tenant
	 * @param filter the filter
	 * @param page the page number from 0
	 * @param size the page size
	 * @return the devices of the page, ordered by id
	 */
	public List<Device> search(String tenantId, DeviceFilter filter, int page, int size) {
		Query query = where(tenantId, filter);
		JdbcClient.StatementSpec spec = this.jdbc.sql(
				"select " + COLUMNS + " from device where " + query.sql() + " order by id limit :limit offset :offset");
		query.bind(spec);
		return spec.param("limit", size).param("offset", (long) page * size).query(this::device).list();
	}

	/**
	 * The number of a tenant's devices matching a filter.
	 * @param tenantId the tenant
	 * @param filter the filter
	 * @return the count
	 */
	public long count(String tenantId, DeviceFilter filter) {
		Query query = where(tenantId, filter);
		JdbcClient.StatementSpec spec = this.jdbc.sql("select count(*) from device where " + query.sql());
		query.bind(spec);
		return spec.query(Long.class).single();
	}

	/**
	 * Every device of a tenant (for re-publishing and export), ordered by id.
	 * @param tenantId the tenant
	 * @return the devices
	 */
	public List<Device> all(String tenantId) {
		return this.jdbc.sql("select " + COLUMNS + " from device where tenant_id = :tenant order by id")
			.param("tenant", tenantId)
			.query(this::device)
			.list();
	}

	/**
	 * Inserts a group.
	 * @param group the group
	 */
	public void insertGroup(DeviceGroup group) {
		this.jdbc.sql("""
				insert into device_group (tenant_id, id, name, kind, description, created_at, updated_at)
				values (:tenant, :id, :name, :kind, :description, :created, :updated)
				""")
			.param("tenant", group.tenantId())
			.param("id", group.id())
			.param("name", group.name())
			.param("kind", group.kind().name())
			.param("description", group.description())
			.param("created", timestamp(group.createdAt()))
			.param("updated", timestamp(group.updatedAt()))
			.update();
	}

	/**
	 * Updates a group's name and description.
	 * @param group the group
	 * @return whether the tenant has it
	 */
	public boolean updateGroup(DeviceGroup group) {
		return this.jdbc.sql("""
				update device_group set name = :name, description = :description, updated_at = :updated
				where tenant_id = :tenant and id = :id
				""")
			.param("tenant", group.tenantId())
			.param("id", group.id())
			.param("name", group.name())
			.param("description", group.description())
			.param("updated", timestamp(group.updatedAt()))
			.update() == 1;
	}

	/**
	 * Deletes a group.
	 * @param tenantId the tenant
	 * @param id the group
	 * @return whether the tenant had it
	 */
	public boolean deleteGroup(String tenantId, String id) {
		return this.jdbc.sql("delete from device_group where tenant_id = :tenant and id = :id")
			.param("tenant", tenantId)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * A group of a tenant.
	 * @param tenantId the tenant
	 * @param id the group
	 * @return the group, if the tenant has it
	 */
	public Optional<DeviceGroup> findGroup(String tenantId, String id) {
		return this.jdbc.sql("select * from device_group where tenant_id = :tenant and id = :id")
			.param("tenant", tenantId)
			.param("id", id)
			.query(this::group)
			.optional();
	}

	/**
	 * A tenant's groups, ordered by id.
	 * @param tenantId the tenant
	 * @return the groups
	 */
	public List<DeviceGroup> groups(String tenantId) {
		return this.jdbc.sql("select * from device_group where tenant_id = :tenant order by id")
			.param("tenant", tenantId)
			.query(this::group)
			.list();
	}

	/**
	 * The number of devices in a group.
	 * @param tenantId the tenant
	 * @param groupId the group
	 * @return the count
	 */
	public long countInGroup(String tenantId, String groupId) {
		return this.jdbc.sql("select count(*) from device where tenant_id = :tenant and group_id = :group")
			.param("tenant", tenantId)
			.param("group", groupId)
			.query(Long.class)
			.single();
	}

	private Query where(String tenantId, DeviceFilter filter) {
		StringBuilder sql = new StringBuilder("tenant_id = :tenant");
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "tenant", tenantId });
		if (filter.visibleTo() != null) {
			sql.append(" and assigned_user_ids @> cast(:user as jsonb)");
			params.add(new Object[] { "user", this.json.writeValueAsString(List.of(filter.visibleTo())) });
		}
		if (filter.type() != null) {
			sql.append(" and type = :type");
			params.add(new Object[] { "type", filter.type().name() });
		}
		if (filter.groupId() != null) {
			sql.append(" and group_id = :group");
			params.add(new Object[] { "group", filter.groupId() });
		}
		if (filter.active() != null) {
			sql.append(" and active = :active");
			params.add(new Object[] { "active", filter.active() });
		}
		if (filter.tag() != null) {
			sql.append(" and tags @> cast(:tag as jsonb)");
			params.add(new Object[] { "tag", this.json.writeValueAsString(List.of(filter.tag())) });
		}
		if (filter.query() != null) {
			sql.append(" and (id ilike :q or name ilike :q)");
			params.add(new Object[] { "q", "%" + escapeLike(filter.query()) + "%" });
		}
		return new Query(sql.toString(), params);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Device device(ResultSet rs, int row) throws SQLException {
		return new Device(rs.getString("tenant_id"), rs.getString("id"), DeviceType.valueOf(rs.getString("type")),
				rs.getString("name"), rs.getString("group_id"), this.json.readValue(rs.getString("tags"), STRINGS),
				this.json.readValue(rs.getString("assigned_user_ids"), STRINGS), rs.getBoolean("active"),
				read(rs.getString("vehicle"), VehicleProfile.class), read(rs.getString("energy"), EnergyProfile.class),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "last_seen_at"),
				instant(rs, "token_issued_at"));
	}

	private DeviceGroup group(ResultSet rs, int row) throws SQLException {
		return new DeviceGroup(rs.getString("tenant_id"), rs.getString("id"), rs.getString("name"),
				GroupKind.valueOf(rs.getString("kind")), rs.getString("description"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private <T> T read(String text, Class<T> type) {
		return (text != null) ? this.json.readValue(text, type) : null;
	}

	private String jsonOrNull(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	private static String vin(Device device) {
		return (device.vehicle() != null) ? device.vehicle().vin() : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * The stored credential of a device.
	 *
	 * @param deviceId the device
	 * @param tenantId its tenant
	 * @param type its type
	 * @param active whether it is active
	 * @param tokenHash the token hash, or null if revoked
	 */
	public record StoredCredential(String deviceId, String tenantId, DeviceType type, boolean active,
			byte[] tokenHash) {

	}

	private record Query(String sql, List<Object[]> params) {

		void bind(JdbcClient.StatementSpec spec) {
			for (Object[] param : this.params) {
				spec.param((String) param[0], param[1]);
			}
		}

	}

}
