/**
 * The gateway's routing table: which FleetGrid service serves which public path.
 */
package io.fleetgrid.gateway.routing;
