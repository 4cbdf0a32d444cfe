/**
 * MQTT ingest: the broker's HTTP authentication and authorisation hooks (device login and
 * topic ACL), and the persistent QoS 1 subscriber that acknowledges a message only after
 * Kafka acknowledged it.
 */
package io.fleetgrid.ingest.mqtt;
