/**
 * MQTT client plumbing shared by ingest-service and the simulator.
 */
package io.fleetgrid.mqtt;
