package io.fleetgrid.log.query;

import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.fleetgrid.log.directory.DeviceAssignments;
import io.fleetgrid.log.index.IndexKind;
import io.fleetgrid.security.Caller;
import io.fleetgrid.security.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Which documents a caller may see, as a filter added to every search server-side (never
 * taken from request parameters).
 * <ul>
 * <li>logs and audit: a tenant ADMIN sees its tenant's documents; an OPERATOR sees only
 * the platform-wide ones (no tenant) and no tenant's; everybody else is refused (403);
 * </li>
 * <li>alerts: ADMIN and FLEET_MANAGER see all their tenant's alerts (as
 * notification-service notifies a manager of the whole tenant); USER sees the alerts of
 * its tenant's devices that are assigned to it now ({@link DeviceAssignments}, a
 * {@code terms} filter on {@code deviceId}; none when no device is assigned); OPERATOR
 * and SERVICE are refused (an operator sees no tenant's data).</li>
 * </ul>
 */
public final class SearchScope {

	private SearchScope() {
	}

	/**
	 * The filter for a caller's searches of one kind.
	 * @param kind what is searched
	 * @param caller who searches
	 * @param assignments the devices assigned to users (for role USER)
	 * @return the filter query
	 * @throws AccessDeniedException if the caller may not search this kind at all
	 */
	public static Query of(IndexKind kind, Caller caller, DeviceAssignments assignments) {
		return switch (kind) {
			case LOGS, AUDIT -> {
				if (caller.isOperator()) {
					yield tenant(IndexKind.PLATFORM_TENANT);
				}
				if (caller.tenantId() != null && caller.has(Role.ADMIN)) {
					yield tenant(caller.tenant());
				}
				throw new AccessDeniedException("Searching " + kind.id() + " needs the role ADMIN (or OPERATOR)");
			}
			case ALERTS -> {
				if (caller.tenantId() != null && caller.has(Role.FLEET_MANAGER)) {
					yield tenant(caller.tenant());
				}
				if (caller.tenantId() != null && caller.has(Role.USER)) {
					yield assignedDevices(caller.tenant(), assignments.assignedTo(caller.tenant(), caller.subject()));
				}
				throw new AccessDeniedException("Searching alerts needs a tenant role (USER, FLEET_MANAGER, ADMIN)");
			}
		};
	}

	private static Query assignedDevices(String tenantId, Set<String> deviceIds) {
		if (deviceIds.isEmpty()) {
			return Query.of((q) -> q.matchNone((none) -> none));
		}
		List<FieldValue> values = deviceIds.stream().sorted().map(FieldValue::of).toList();
		return Query.of((q) -> q.bool((b) -> b.filter(tenant(tenantId))
			.filter((f) -> f.terms((t) -> t.field("deviceId").terms((v) -> v.value(values))))));
	}

	private static Query tenant(String tenantId) {
		return Query.of((q) -> q.term((t) -> t.field("tenantId").value(tenantId)));
	}

}
