/**
 * Event records carried on the FleetGrid topics. On the wire every event carries a
 * logical type id and a schema version, never a Java class name.
 */
package io.fleetgrid.contracts.event;
