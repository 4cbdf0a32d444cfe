/**
 * Geofences of a tenant: GeoJSON polygons (validated: closed, at most 1,000 vertices,
 * simple) or circles, with an optional speed limit and dwell time, assigned to groups.
 */
package io.fleetgrid.device.geofence;
