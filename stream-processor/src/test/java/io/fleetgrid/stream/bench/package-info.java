/**
 * Load benchmark on the real broker: a load generator and the topology with real Kafka
 * Streams in a child JVM.
 */
package io.fleetgrid.stream.bench;
