/**
 * Conformance tests every FleetGrid service runs against itself (shipped in this module's
 * test jar).
 */
package io.fleetgrid.observability.conformance;
