/**
 * REST: the latest state of a device, tenant-scoped.
 */
package io.fleetgrid.stream.api;
