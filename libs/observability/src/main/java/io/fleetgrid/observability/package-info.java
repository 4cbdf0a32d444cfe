/**
 * Shared observability for every FleetGrid service: structured JSON logs, correlation and
 * trace ids, metrics defaults, and the parent-process watchdog used by the local stack.
 */
package io.fleetgrid.observability;
