package io.fleetgrid.observability.logging;

/**
 * MDC keys that FleetGrid services use; structured log lines carry every MDC entry as a
 * top-level field, so a value put under one of these keys appears in each line logged
 * while it is set.
 * <p>
 * {@code traceId} and {@code spanId} are put by Micrometer Tracing; the correlation
 * filter puts {@link #CORRELATION_ID}; services put {@link #TENANT_ID} and
 * {@link #DEVICE_ID} (e.g. with {@code MDC.putCloseable}) while they work for one tenant
 * or device.
 */
public final class LogFields {

	/** Tenant the current work belongs to. */
	public static final String TENANT_ID = "tenantId";

	/** Device the current work belongs to. */
	public static final String DEVICE_ID = "deviceId";

	/** Correlation id of the current HTTP request. */
	public static final String CORRELATION_ID = "correlationId";

	/** Trace id, put by Micrometer Tracing. */
	public static final String TRACE_ID = "traceId";

	/** Span id, put by Micrometer Tracing. */
	public static final String SPAN_ID = "spanId";

	private LogFields() {
	}

}
