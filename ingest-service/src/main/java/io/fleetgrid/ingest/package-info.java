/**
 * Telemetry ingest over HTTP and MQTT into Kafka.
 */
package io.fleetgrid.ingest;
