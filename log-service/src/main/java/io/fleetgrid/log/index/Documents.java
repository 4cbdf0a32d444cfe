package io.fleetgrid.log.index;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.fleetgrid.contracts.event.AlertEvent;
import io.fleetgrid.contracts.event.AuditEvent;
import io.fleetgrid.contracts.event.LogEvent;
import org.jspecify.annotations.Nullable;

/**
 * The documents stored in the search server, one record per kind. Every document carries
 * its {@code docId} (also the document {@code _id}, sortable as a tie-breaker), its
 * {@code ts} (ISO-8601, milliseconds) and its {@code tenantId}
 * ({@link IndexKind#PLATFORM_TENANT} when it belongs to no tenant).
 */
public final class Documents {

	private Documents() {
	}

	static String time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).toString();
	}

	static String tenant(@Nullable String tenantId) {
		return (tenantId == null || tenantId.isBlank()) ? IndexKind.PLATFORM_TENANT : tenantId;
	}

	/**
	 * One log line. Its id is {@code <partition>-<offset>} of its Kafka record, so a
	 * replay overwrites instead of duplicating.
	 *
	 * @param docId document id
	 * @param ts when it was logged
	 * @param tenantId tenant, or {@link IndexKind#PLATFORM_TENANT}
	 * @param service emitting service
	 * @param instance service instance
	 * @param level log level
	 * @param logger logger name
	 * @param thread thread name
	 * @param message the message (full text)
	 * @param stackTrace stack trace, or null
	 * @param traceId trace id, or null
	 * @param spanId span id, or null
	 * @param deviceId device, or null
	 */
	public record LogDocument(String docId, String ts, String tenantId, String service, @Nullable String instance,
			String level, @Nullable String logger, @Nullable String thread, String message, @Nullable String stackTrace,
			@Nullable String traceId, @Nullable String spanId, @Nullable String deviceId) {

		static LogDocument of(String docId, LogEvent event) {
			return new LogDocument(docId, time(event.ts()), tenant(event.tenantId()), event.service(), event.instance(),
					event.level(), event.logger(), event.thread(), event.message(), event.stackTrace(), event.traceId(),
					event.spanId(), event.deviceId());
		}

	}

	/**
	 * One audit event; its id is the event's {@code eventId}.
	 *
	 * @param docId document id
	 * @param ts when
	 * @param tenantId tenant, or {@link IndexKind#PLATFORM_TENANT}
	 * @param eventId the event's id
	 * @param actor who acted
	 * @param action what was done
	 * @param target the object acted on, or null
	 * @param outcome SUCCESS or FAILURE
	 * @param service emitting service
	 * @param traceId trace id, or null
	 * @param details extra details
	 */
	public record AuditDocument(String docId, String ts, String tenantId, String eventId, String actor, String action,
			@Nullable String target, String outcome, String service, @Nullable String traceId,
			Map<String, Object> details) {

		static AuditDocument of(AuditEvent event) {
			return new AuditDocument(event.eventId(), time(event.ts()), tenant(event.tenantId()), event.eventId(),
					event.actor(), event.action(), event.target(), event.outcome().name(), event.service(),
					event.traceId(), event.details());
		}

	}

	/**
	 * One lifecycle step of an alert; its id is {@code <alertId>:<version>}.
	 *
	 * @param docId document id
	 * @param ts event time of this step
	 * @param tenantId tenant
	 * @param alertId the alert
	 * @param version the step's version
	 * @param deviceId device
	 * @param groupId the device's group, or null
	 * @param type alert type
	 * @param severity INFO, WARNING or CRITICAL
	 * @param status RAISED, UPDATED, CLEARED or ACKNOWLEDGED
	 * @param geofenceId geofence, or null
	 * @param startedAt when the condition began
	 * @param endedAt when it ended, or null
	 * @param message summary, or null
	 * @param details values that triggered it
	 * @param acknowledgedBy who acknowledged it, or null
	 */
	public record AlertDocument(String docId, String ts, String tenantId, String alertId, long version, String deviceId,
			@Nullable String groupId, String type, String severity, String status, @Nullable String geofenceId,
			String startedAt, @Nullable String endedAt, @Nullable String message, Map<String, Object> details,
			@Nullable String acknowledgedBy) {

		static AlertDocument of(AlertEvent event) {
			return new AlertDocument(event.alertId() + ":" + event.version() + ":" + event.status(), time(event.ts()),
					event.tenantId(), event.alertId(), event.version(), event.deviceId(), event.groupId(),
					event.type().name(), event.severity().name(), event.status().name(), event.geofenceId(),
					time(event.startedAt()), (event.endedAt() != null) ? time(event.endedAt()) : null, event.message(),
					event.details(), (event.acknowledgement() != null) ? event.acknowledgement().by() : null);
		}

	}

}
