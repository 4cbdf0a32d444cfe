/**
 * The internal user directory for other FleetGrid services (role SERVICE): who the users
 * of a tenant are and how to reach them, for example for notification-service's recipient
 * resolution.
 */
package io.fleetgrid.auth.directory;
