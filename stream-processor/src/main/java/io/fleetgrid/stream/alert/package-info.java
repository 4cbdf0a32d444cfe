/**
 * Alert lifecycle: one active alert per (device, type[, geofence]) kept in the device's
 * state, stable ids, increasing versions, configurable severities.
 */
package io.fleetgrid.stream.alert;
