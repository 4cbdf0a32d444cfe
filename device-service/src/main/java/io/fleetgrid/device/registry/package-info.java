/**
 * The device registry: devices (vehicles and energy devices), their groups (fleets and
 * sites), activation, and the REST API over them. Every query is scoped by the caller's
 * tenant; role USER sees only the devices assigned to it.
 */
package io.fleetgrid.device.registry;
