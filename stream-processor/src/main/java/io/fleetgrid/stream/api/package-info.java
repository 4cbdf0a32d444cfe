/**
 * REST: the latest state of a device, the states of every device in the caller's scope,
 * and their live stream (Server-Sent Events); all tenant-scoped, role USER only for
 * assigned devices.
 */
package io.fleetgrid.stream.api;
