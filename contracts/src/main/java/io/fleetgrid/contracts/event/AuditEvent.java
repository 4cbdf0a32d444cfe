package io.fleetgrid.contracts.event;

import java.time.Instant;
import java.util.Map;

/**
 * Security-relevant action on {@code fleetgrid.audit.v1} (key tenantId, or
 * {@link #PLATFORM_KEY} for platform-level actions): who did what, when, with which
 * outcome.
 *
 * @param eventId unique id (used for idempotent indexing)
 * @param tenantId tenant, or null for platform-level actions
 * @param actor subject that acted (user id, client id or device id)
 * @param action what was done, for example {@code LOGIN_FAILED}, {@code USER_CREATED}
 * @param target the object acted on, or null
 * @param outcome SUCCESS or FAILURE
 * @param ts when
 * @param service emitting service
 * @param traceId trace id if known, or null
 * @param details extra details (JSON values; empty if none)
 */
public record AuditEvent(String eventId, String tenantId, String actor, String action, String target, Outcome outcome,
		Instant ts, String service, String traceId, Map<String, Object> details) {

	/** The record key used for actions outside every tenant. */
	public static final String PLATFORM_KEY = "platform";

	public AuditEvent {
		Fields.requiredText(eventId, "eventId");
		Fields.requiredText(actor, "actor");
		Fields.requiredText(action, "action");
		Fields.required(outcome, "outcome");
		Fields.required(ts, "ts");
		Fields.requiredText(service, "service");
		details = Fields.jsonObject(details, "details");
	}

	/**
	 * The record key of this event.
	 * @return the tenant id, or {@link #PLATFORM_KEY}
	 */
	public String key() {
		return (this.tenantId != null) ? this.tenantId : PLATFORM_KEY;
	}

	/** Outcome of an audited action. */
	public enum Outcome {

		/** The action succeeded. */
		SUCCESS,
		/** The action was refused or failed. */
		FAILURE

	}

}
