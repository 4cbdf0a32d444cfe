/**
 * Shared observability for every FleetGrid service: structured JSON logs, correlation and
 * trace ids, metrics defaults, and the parent-process watchdog used by the local stack.
 * <p>
 * Everything here is auto-configuration; a service only depends on the module. The
 * defaults (actuator exposure, probes, metric tags, tracing, log format) are added by
 * {@link io.fleetgrid.observability.ObservabilityEnvironmentPostProcessor} as the
 * lowest-precedence property source, so a service's own {@code application.yml} always
 * wins.
 */
@NullMarked
package io.fleetgrid.observability;

import org.jspecify.annotations.NullMarked;
