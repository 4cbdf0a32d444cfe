/**
 * Device simulator and load generator (filled in by the ingest issue).
 */
package io.fleetgrid.simulator;
