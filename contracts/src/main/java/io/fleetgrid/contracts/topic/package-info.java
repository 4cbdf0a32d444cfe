/**
 * The Kafka topic catalogue: every topic of the FleetGrid contract, declared once.
 */
package io.fleetgrid.contracts.topic;
