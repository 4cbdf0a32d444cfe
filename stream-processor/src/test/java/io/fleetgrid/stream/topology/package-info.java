/**
 * Tests of the topology as a whole, and the TopologyTestDriver harness.
 */
package io.fleetgrid.stream.topology;
