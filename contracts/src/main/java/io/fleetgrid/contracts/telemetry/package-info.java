/**
 * Validation of device telemetry as ingest receives it over HTTP and MQTT: the
 * {@link io.fleetgrid.contracts.telemetry.TelemetryValidator} turns a raw body into
 * {@link io.fleetgrid.contracts.telemetry.TelemetryPoint}s or a list of
 * {@link io.fleetgrid.contracts.telemetry.ValidationError}s, and
 * {@link io.fleetgrid.contracts.telemetry.KnownMetric} lists the contract's metrics with
 * their types and ranges.
 */
package io.fleetgrid.contracts.telemetry;
