/**
 * Sending telemetry: HTTP (batched, Basic authentication) and MQTT (QoS 0 or 1), with the
 * latency of every send recorded.
 */
package io.fleetgrid.simulator.transport;
