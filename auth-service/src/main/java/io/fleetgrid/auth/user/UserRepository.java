package io.fleetgrid.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fleetgrid.security.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in PostgreSQL.
 */
@Repository
public class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Finds a user by id.
	 * @param id the user id
	 * @return the user, if any
	 */
	public Optional<AppUser> findById(UUID id) {
		return this.jdbc.sql("select * from app_user where id = ?").param(id).query(UserRepository::map).optional();
	}

	/**
	 * Finds a user by e-mail address (ignoring case).
	 * @param email the address
	 * @return the user, if any
	 */
	public Optional<AppUser> findByEmail(String email) {
		return this.jdbc.sql("select * from app_user where lower(email) = lower(?)")
			.param(email)
			.query(UserRepository::map)
			.optional();
	}

	Optional<AppUser> findInTenant(String tenantId, UUID id) {
		return this.jdbc.sql("select * from app_user where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(UserRepository::map)
			.optional();
	}

	List<AppUser> findByTenant(String tenantId, int page, int size) {
		return this.jdbc.sql("select * from app_user where tenant_id = ? order by created_at, email limit ? offset ?")
			.params(tenantId, size, (long) page * size)
			.query(UserRepository::map)
			.list();
	}

	/**
	 * Every user of a tenant, for the internal directory.
	 * @param tenantId the tenant
	 * @param limit at most this many
	 * @return the users, oldest first
	 */
	public List<AppUser> findAllByTenant(String tenantId, int limit) {
		return this.jdbc.sql("select * from app_user where tenant_id = ? order by created_at, email limit ?")
			.params(tenantId, limit)
			.query(UserRepository::map)
			.list();
	}

	long countByTenant(String tenantId) {
		return this.jdbc.sql("select count(*) from app_user where tenant_id = ?")
			.param(tenantId)
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts a user.
	 * @param user the user
	 */
	public void insert(AppUser user) {
		this.jdbc.sql("""
				insert into app_user (id, tenant_id, email, display_name, role, password_hash, enabled, created_at,
				updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.id(), user.tenantId(), user.email(), user.displayName(), user.role().name(),
					user.passwordHash(), user.enabled(), Timestamp.from(user.createdAt()),
					Timestamp.from(user.updatedAt()))
			.update();
	}

	void update(UUID id, String displayName, Role role, boolean enabled, Instant now) {
		this.jdbc.sql("""
				update app_user set display_name = ?, role = ?, enabled = ?, updated_at = ?,
				failed_logins = case when ? then failed_logins else 0 end,
				locked_until = case when ? then locked_until else null end where id = ?""")
			.params(displayName, role.name(), enabled, Timestamp.from(now), !enabled, !enabled, id)
			.update();
	}

	/**
	 * Sets a user's password and ends any lockout.
	 * @param id the user
	 * @param passwordHash the new hash
	 * @param now the time
	 */
	public void updatePassword(UUID id, String passwordHash, Instant now) {
		this.jdbc.sql("""
				update app_user set password_hash = ?, failed_logins = 0, locked_until = null, updated_at = ?
				where id = ?""").params(passwordHash, Timestamp.from(now), id).update();
	}

	/**
	 * Updates a bootstrap user's tenant, role and name, enabling it.
	 * @param id the user
	 * @param tenantId the tenant
	 * @param role the role
	 * @param displayName the name
	 * @param now the time
	 */
	public void updateBootstrap(UUID id, String tenantId, Role role, String displayName, Instant now) {
		this.jdbc.sql(
				"update app_user set tenant_id = ?, role = ?, display_name = ?, enabled = true, updated_at = ? where id = ?")
			.params(tenantId, role.name(), displayName, Timestamp.from(now), id)
			.update();
	}

	/**
	 * Counts a failed login and locks the account when the count reaches the limit.
	 * @param id the user
	 * @param maxFailures failures that lock the account
	 * @param lockedUntil the end of the lockout
	 * @return the failed logins in a row, after this one
	 */
	public int recordFailure(UUID id, int maxFailures, Instant lockedUntil) {
		return this.jdbc.sql("""
				update app_user set failed_logins = failed_logins + 1,
				locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
				where id = ? returning failed_logins""")
			.params(maxFailures, Timestamp.from(lockedUntil), id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Resets the failed-login count after a successful login.
	 * @param id the user
	 */
	public void recordSuccess(UUID id) {
		this.jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
			.param(id)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from app_user where id = ?").param(id).update();
	}

	private static AppUser map(ResultSet rs, int row) throws SQLException {
		Timestamp lockedUntil = rs.getTimestamp("locked_until");
		return new AppUser(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("email"),
				rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
				rs.getBoolean("enabled"), rs.getInt("failed_logins"),
				(lockedUntil != null) ? lockedUntil.toInstant() : null, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
