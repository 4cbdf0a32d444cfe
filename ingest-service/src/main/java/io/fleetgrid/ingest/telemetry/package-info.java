/**
 * The ingest core shared by HTTP and MQTT: validation by the contract's validator,
 * duplicate suppression, rate limits, and publishing to Kafka (accepted telemetry and
 * dead letters), acknowledged only after Kafka acknowledged.
 */
package io.fleetgrid.ingest.telemetry;
