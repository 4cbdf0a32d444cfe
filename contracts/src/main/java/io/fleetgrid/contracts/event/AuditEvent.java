package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Security-relevant action on {@code fleetgrid.audit.v1} (key tenantId): who did what,
 * when, with which outcome.
 *
 * @param eventId unique id (used for idempotent indexing)
 * @param tenantId tenant, or null for platform-level actions
 * @param actor subject that acted (user id, client id or device id)
 * @param action what was done (for example {@code LOGIN_FAILED}, {@code USER_CREATED})
 * @param target the object acted on
 * @param outcome SUCCESS or FAILURE
 * @param ts when
 * @param service emitting service
 * @param traceId trace id if known
 * @param details extra details
 */
public record AuditEvent(String eventId, String tenantId, String actor, String action, String target, String outcome,
		Instant ts, String service, String traceId, Map<String, Object> details) {
}
