/**
 * Kafka Streams rules, rollups, trips and device state.
 */
package io.fleetgrid.stream;
