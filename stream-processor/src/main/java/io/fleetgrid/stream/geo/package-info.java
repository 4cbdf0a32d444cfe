/**
 * Geometry on WGS 84 positions: haversine distance, point in polygon and circle,
 * Douglas-Peucker simplification, solar position.
 */
package io.fleetgrid.stream.geo;
