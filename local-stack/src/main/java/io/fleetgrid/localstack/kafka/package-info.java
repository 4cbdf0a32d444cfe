/**
 * Server kind {@code kafka}: a real Kafka broker in KRaft combined mode (broker and
 * controller in one process), run from Kafka's own server classes, with the topics of the
 * contracts catalogue.
 */
package io.fleetgrid.localstack.kafka;
