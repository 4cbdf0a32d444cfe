/**
 * The search API: {@code /api/v1/logs/search}, {@code /api/v1/audit/search},
 * {@code /api/v1/alerts/search} and the trace view {@code /api/v1/logs/trace/{traceId}},
 * each scoped server-side by the caller's tenant and role.
 */
@NullMarked
package io.fleetgrid.log.query;

import org.jspecify.annotations.NullMarked;
