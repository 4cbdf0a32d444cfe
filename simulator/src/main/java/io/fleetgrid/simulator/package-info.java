/**
 * Device simulator and load generator: drives simulated vehicles and energy sites over
 * HTTP or MQTT at a target rate and reports throughput and latency.
 */
package io.fleetgrid.simulator;
