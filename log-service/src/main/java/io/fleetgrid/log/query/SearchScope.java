package io.fleetgrid.log.query;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
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
 * <li>alerts: ADMIN and FLEET_MANAGER see their tenant's alerts; USER sees none yet (the
 * assignment of devices to users is not available to log-service, so an empty result is
 * the safe answer); OPERATOR and SERVICE are refused (an operator sees no tenant's
 * data).</li>
 * </ul>
 */
public final class SearchScope {

	private SearchScope() {
	}

	/**
	 * The filter for a caller's searches of one kind.
	 * @param kind what is searched
	 * @param caller who searches
	 * @return the filter query
	 * @throws AccessDeniedException if the caller may not search this kind at all
	 */
	public static Query of(IndexKind kind, Caller caller) {
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
					yield Query.of((q) -> q.matchNone((none) -> none));
				}
				throw new AccessDeniedException("Searching alerts needs a tenant role (USER, FLEET_MANAGER, ADMIN)");
			}
		};
	}

	private static Query tenant(String tenantId) {
		return Query.of((q) -> q.term((t) -> t.field("tenantId").value(tenantId)));
	}

}
