/**
 * Eureka service registry: every FleetGrid service registers here and finds its peers
 * through it.
 */
package io.fleetgrid.discovery;
