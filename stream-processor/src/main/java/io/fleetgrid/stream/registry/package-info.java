/**
 * The registry topics (devices, rules, geofences) as global stores, mirrored in memory
 * for lookups on every event: device directory, rule resolution, geofence spatial index.
 */
package io.fleetgrid.stream.registry;
